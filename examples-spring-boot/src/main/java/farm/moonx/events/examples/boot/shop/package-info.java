/**
 * The shop's events on Spring Boot: a user signs up and is charged. The processor turns these
 * records into {@code ShopEvents}, {@code ShopPublisher}, {@code ShopHandler} and
 * {@code ShopDispatcher}; the starter runs a consumer container for every {@code ShopHandler} bean.
 */
@EventCatalog(name = "Shop", topic = "shop.events")
package farm.moonx.events.examples.boot.shop;

import farm.moonx.events.annotations.EventCatalog;
