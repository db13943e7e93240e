package bad;

import farm.moonx.events.annotations.EventType;

@EventType("order.hidden")
record Hidden(String orderId) {}
