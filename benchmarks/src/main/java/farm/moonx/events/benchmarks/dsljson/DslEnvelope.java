package farm.moonx.events.benchmarks.dsljson;

import com.dslplatform.json.CompiledJson;
import com.dslplatform.json.JsonAttribute;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import com.dslplatform.json.NumberConverter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The envelope for DSL-JSON (compile-time generated converters, {@code @CompiledJson}), with
 * converters for the two fields whose wire form is not DSL-JSON's default.
 *
 * @param metadata the metadata
 * @param data the payment
 */
@CompiledJson
public record DslEnvelope(Metadata metadata, Payment data) {

  /** The metadata object, field for field. */
  @CompiledJson
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
  public record Payment(
      String paymentId,
      String userId,
      @JsonAttribute(converter = DecimalString.class) BigDecimal amount,
      String currency,
      @JsonAttribute(converter = EpochMillis.class) Instant processedAt) {}

  /** {@code BigDecimal} as a JSON string, as the envelope carries amounts. */
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

  /** {@code Instant} as epoch milliseconds. */
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
