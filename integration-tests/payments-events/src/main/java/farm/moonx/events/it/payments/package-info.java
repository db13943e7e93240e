/**
 * The payments service's events: one catalog, published on {@code it.payments}. The processor
 * generates {@code PaymentsEvents}, one codec per record, {@code PaymentsPublisher},
 * {@code PaymentsHandler} and {@code PaymentsDispatcher} here, and the class-path marker other
 * modules' processors read to check the event names they consume.
 */
@EventCatalog(name = "Payments", topic = "it.payments")
package farm.moonx.events.it.payments;

import farm.moonx.events.annotations.EventCatalog;
