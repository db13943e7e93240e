package bad;

import farm.moonx.events.annotations.EventConsumer;

@EventConsumer(name = "Shipping", events = "order.placed")
public final class UsesPlaced {}
