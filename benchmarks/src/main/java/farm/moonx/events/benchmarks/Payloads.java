package farm.moonx.events.benchmarks;

import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.benchmarks.baseline.BaselineEnvelope;
import farm.moonx.events.benchmarks.model.PaymentProcessed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code payment.processed} envelope of the design document (every metadata field set), as
 * the runtime and the baseline libraries hold it. All of them write the same JSON.
 */
final class Payloads {
  static final String EVENT_ID = "0192f1c2-7a4e-7b1a-9c3d-2e4f5a6b7c8d";
  static final String CORRELATION_ID = "0192f1c2-7a4e-7b1a-9c3d-2e4f5a6b7c8e";
  static final String CAUSATION_ID = "0192f1c2-7a4e-7b1a-9c3d-2e4f5a6b7c8f";
  static final long TIMESTAMP = 1_732_700_000_000L;
  static final Map<String, Object> CONTEXT = Map.of("region", "eu");
  static final BigDecimal AMOUNT = new BigDecimal("12.50");
  static final Instant PROCESSED_AT = Instant.ofEpochMilli(TIMESTAMP);

  private Payloads() {}

  /** The data record. */
  static PaymentProcessed payment(String paymentId) {
    return new PaymentProcessed(paymentId, "u-1", AMOUNT, "USD", PROCESSED_AT);
  }

  /** The envelope as the moonx-events runtime holds it. */
  static EventEnvelope<PaymentProcessed> envelope() {
    EventMetadata metadata = EventMetadata.builder()
        .eventId(EVENT_ID).eventType("payment.processed").eventVersion("1.0")
        .correlationId(CORRELATION_ID).causationId(CAUSATION_ID).timestamp(TIMESTAMP)
        .source("payments").userId("u-1").sessionId("s-1").tenantId("t-1")
        .dataClassification(DataClassification.CONFIDENTIAL).partition("u-1").context(CONTEXT)
        .build();
    return new EventEnvelope<>(metadata, payment("p-1"));
  }

  /** The same envelope for the three baseline libraries. */
  static BaselineEnvelope baseline() {
    return new BaselineEnvelope(
        new BaselineEnvelope.Metadata(EVENT_ID, "payment.processed", "1.0", CORRELATION_ID, CAUSATION_ID,
            TIMESTAMP, "payments", "u-1", "s-1", "t-1", "confidential", "u-1", CONTEXT),
        new BaselineEnvelope.Payment("p-1", "u-1", AMOUNT, "USD", PROCESSED_AT));
  }
}
