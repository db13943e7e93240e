package nameclash;

import farm.moonx.events.annotations.EventType;

@EventType("order.placed")
public record Placed(String orderId) {}
