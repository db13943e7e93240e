package farm.moonx.events.kafka;

/** Test event: internal, but its card number is {@code @Sensitive} (listed on its descriptor). */
public record CardAdded(String userId, String cardNumber, String brand) {}
