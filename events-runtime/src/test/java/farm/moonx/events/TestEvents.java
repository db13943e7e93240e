package farm.moonx.events;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.EventCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Test catalog, registered for ServiceLoader in src/test/resources/META-INF/services, as a
 * generated catalog would be.
 */
public final class TestEvents implements EventRegistry {
  /** Confidential, keyed by userId through its partition-key accessor, data validated. */
  public static final EventDescriptor<PaymentProcessed> PAYMENT_PROCESSED =
      paymentProcessed(new PaymentProcessedCodec());

  /** A payment with amount 12.50 USD. */
  public static final PaymentProcessed PAYMENT =
      new PaymentProcessed("p-1", "u-1", new BigDecimal("12.50"), "USD", Instant.ofEpochMilli(1732700000000L));

  private static final EventRegistry DELEGATE = EventRegistry.of(PAYMENT_PROCESSED);

  /** The payment descriptor over another codec (e.g. the databind fallback). */
  public static EventDescriptor<PaymentProcessed> paymentProcessed(EventCodec<PaymentProcessed> codec) {
    return EventDescriptor.builder("payment.processed", PaymentProcessed.class, codec)
        .version("1.0")
        .classification(DataClassification.CONFIDENTIAL)
        .partitionKey(PaymentProcessed::userId)
        .validator((data, errors) -> {
          if (data.amount() != null && data.amount().signum() < 0) {
            errors.add("data.amount: " + data.amount() + " is negative");
          }
        })
        .build();
  }

  @Override
  public Collection<EventDescriptor<?>> descriptors() {
    return DELEGATE.descriptors();
  }

  @Override
  public Optional<EventDescriptor<?>> find(String eventType) {
    return DELEGATE.find(eventType);
  }

  @Override
  public <T> Optional<EventDescriptor<T>> find(Class<T> type) {
    return DELEGATE.find(type);
  }

  /** Every descriptor, for tests that need a list. */
  public static List<EventDescriptor<?>> all() {
    return List.copyOf(DELEGATE.descriptors());
  }
}
