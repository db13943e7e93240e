package farm.moonx.events.kafka;

/** Test event: an internal order line, keyed by customer; {@code sequence} orders a customer's events. */
public record Order(String orderId, String customerId, int sequence) {}
