/**
 * The billing service. It consumes the payments events from the {@code it-payments-events} jar
 * and its own invoice events, selected by name: the processor checks every name against the
 * catalogs on the class path and generates {@code BillingHandler} and {@code BillingDispatcher}.
 */
@EventConsumer(name = "Billing", events = {"payment.*", "account.statement", "invoice.issued"})
package farm.moonx.events.it.billing;

import farm.moonx.events.annotations.EventConsumer;
