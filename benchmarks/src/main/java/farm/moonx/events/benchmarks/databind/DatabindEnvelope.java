package farm.moonx.events.benchmarks.databind;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The envelope as a jackson-databind user would map it: records, nulls omitted, unknown
 * fields ignored, {@code amount} as a string and {@code processedAt} as epoch milliseconds.
 *
 * @param metadata the metadata
 * @param data the payment
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatabindEnvelope(Metadata metadata, Payment data) {

  /** An {@link ObjectMapper} writing and reading exactly the envelope's wire format. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
        .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** The metadata object, field for field. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
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
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Payment(
      String paymentId,
      String userId,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
      String currency,
      Instant processedAt) {}
}
