package farm.moonx.events.benchmarks.avaje;

import io.avaje.jsonb.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The envelope for avaje-jsonb (compile-time generated adapters, {@code @Json}); the two
 * fields whose wire form is not avaje's default use the custom adapters of this package.
 *
 * @param metadata the metadata
 * @param data the payment
 */
@Json
public record AvajeEnvelope(Metadata metadata, Payment data) {

  /** The metadata object, field for field. */
  @Json
  public record Metadata(
      String eventId,
      String eventType,
      String eventVersion,
      String correlationId,
      String causationId,
      long timestamp,
      String source,
      String userId,
      String sessionId,
      String tenantId,
      String dataClassification,
      String partition,
      Map<String, Object> context) {}

  /** The {@code payment.processed} data. */
  @Json
  public record Payment(String paymentId, String userId, BigDecimal amount, String currency, Instant processedAt) {}
}
