package farm.moonx.events.kafka;

/** Test event: restricted, carrying a card number that must never reach a log line. */
public record CardCharged(String chargeId, String userId, String cardNumber) {}
