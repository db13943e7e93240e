/**
 * The shop's events: a user signs up, is charged, and the order is completed. The annotation
 * processor turns these records into {@code ShopEvents} (descriptors), {@code ShopPublisher},
 * {@code ShopHandler}, {@code ShopDispatcher} and one JSON codec per record.
 */
@EventCatalog(name = "Shop", topic = "shop.events")
package farm.moonx.events.examples.shop;

import farm.moonx.events.annotations.EventCatalog;
