package bad;

import farm.moonx.events.annotations.EventConsumer;

@EventConsumer(name = "Mysteries", events = "order.unresolved")
public final class UsesUnresolved {}
