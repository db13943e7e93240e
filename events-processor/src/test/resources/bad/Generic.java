package bad;

import farm.moonx.events.annotations.EventType;

@EventType("order.boxed")
public record Generic<T>(String orderId) {}
