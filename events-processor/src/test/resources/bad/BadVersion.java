package bad;

import farm.moonx.events.annotations.EventType;

@EventType(value = "order.shipped", version = "v1")
public record BadVersion(String orderId) {}
