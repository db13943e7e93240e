package farm.moonx.events.benchmarks.baseline;

import com.dslplatform.json.CompiledJson;
import com.dslplatform.json.JsonAttribute;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import com.dslplatform.json.NumberConverter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.avaje.jsonb.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The envelope as users of the three baseline libraries map it: one set of records annotated
 * for each of them, so all three read and write the very same objects. jackson-databind
 * reads the Jackson annotations by reflection; DSL-JSON ({@code @CompiledJson}) and
 * avaje-jsonb ({@code @Json}) generate their converters at compile time. Nulls are omitted,
 * unknown fields ignored, {@code amount} is a JSON string and {@code processedAt} epoch
 * milliseconds, as on the wire (avaje through the adapters of this package).
 *
 * @param metadata the metadata
 * @param data the payment
 */
@CompiledJson
@Json
@JsonIgnoreProperties(ignoreUnknown = true)
public record BaselineEnvelope(Metadata metadata, Payment data) {

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
  @CompiledJson
  @Json
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
  @CompiledJson
  @Json
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Payment(
      String paymentId,
      String userId,
      @JsonFormat(shape = JsonFormat.Shape.STRING) @JsonAttribute(converter = DecimalString.class) BigDecimal amount,
      String currency,
      @JsonAttribute(converter = EpochMillis.class) Instant processedAt) {}

  /** DSL-JSON: {@code BigDecimal} as a JSON string. */
  public abstract static class DecimalString {
    /** Reads a string. */
    public static final JsonReader.ReadObject<BigDecimal> JSON_READER =
        reader -> reader.wasNull() ? null : new BigDecimal(reader.readString());
    /** Writes a string. */
    public static final JsonWriter.WriteObject<BigDecimal> JSON_WRITER = (writer, value) -> {
      if (value == null) {
        writer.writeNull();
      } else {
        writer.writeString(value.toPlainString());
      }
    };
  }

  /** DSL-JSON: {@code Instant} as epoch milliseconds. */
  public abstract static class EpochMillis {
    /** Reads a number. */
    public static final JsonReader.ReadObject<Instant> JSON_READER =
        reader -> reader.wasNull() ? null : Instant.ofEpochMilli(NumberConverter.deserializeLong(reader));
    /** Writes a number. */
    public static final JsonWriter.WriteObject<Instant> JSON_WRITER = (writer, value) -> {
      if (value == null) {
        writer.writeNull();
      } else {
        NumberConverter.serialize(value.toEpochMilli(), writer);
      }
    };
  }
}
