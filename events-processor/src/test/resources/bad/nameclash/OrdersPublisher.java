package nameclash;

/** Written by hand before the service adopted moonx-events: the catalog's generated publisher takes its name. */
public final class OrdersPublisher {}
