package farm.moonx.events.annotations;

/**
 * Implemented by the record of an older major version of an event to say how it becomes the
 * next one. Keep the old record when you bump the major, and let it implement this:
 *
 * <pre>{@code
 * @EventType(value = "payment.processed", version = "1.3")
 * public record PaymentProcessedV1(String paymentId, BigDecimal amount) implements Upcast<PaymentProcessed> {
 *   public PaymentProcessed upcast() {
 *     return new PaymentProcessed(paymentId, new Money(amount, "USD"));
 *   }
 * }
 * }</pre>
 *
 * <p>Consumers then decode a {@code 1.x} payload with the old record and hand the handler the
 * newest one, upcasting step by step. The processor checks that every older version has a
 * path of upcasts to the newest and that no path loops.
 *
 * @param <N> the record of the next version of the same event
 */
public interface Upcast<N> {
  /** This event as the next version's record. */
  N upcast();
}
