package catalogdup;

import farm.moonx.events.annotations.EventCatalog;
import farm.moonx.events.annotations.EventType;

@EventCatalog(name = "Shipping")
@EventType("order.placed")
public record Placed(String orderId) {}
