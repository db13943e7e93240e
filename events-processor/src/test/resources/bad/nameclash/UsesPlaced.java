package nameclash;

import farm.moonx.events.annotations.EventConsumer;

/** Selects the catalog's event: it says nothing more once the catalog itself is reported. */
@EventConsumer(name = "Audit", events = "order.placed")
final class UsesPlaced {}
