package bad;

import farm.moonx.events.annotations.EventType;

@EventType("order.unresolved")
public record Unresolved(
    String orderId,
    NoSuchType mystery) {}
