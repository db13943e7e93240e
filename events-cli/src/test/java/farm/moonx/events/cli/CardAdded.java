package farm.moonx.events.cli;

/** Test event: internal, its card number {@code @Sensitive} (listed on the descriptor). */
public record CardAdded(String userId, String cardNumber, String brand) {}
