package bad;

import farm.moonx.events.annotations.EventType;

@EventType("order.placed")
public record SecondPlaced(String orderId, int items) {}
