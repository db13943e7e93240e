package bad;

import farm.moonx.events.annotations.EventType;

@EventType("order.placed")
public class NotRecord {}
