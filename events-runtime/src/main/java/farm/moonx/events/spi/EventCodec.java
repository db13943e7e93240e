package farm.moonx.events.spi;

import java.util.List;

/**
 * Writes and reads one event record type as the JSON object of the envelope's {@code data}
 * field, at byte level through {@link JsonOut} (DSL-JSON's writer underneath) and {@link JsonIn}. The
 * annotation processor generates one per {@code @EventType} record (no reflection);
 * {@link JacksonDatabindCodec} is the explicit fallback for records without one.
 *
 * <p>{@link #write} writes one JSON object, omitting null fields. {@link #read} reads the
 * object at the reader's current token (<code>'{'</code>) up to its closing brace, skipping unknown
 * fields, and fails with a {@link MalformedEventException} naming the field's path when a
 * required field is missing or a value has the wrong type. {@link #validate} checks a record
 * built in Java before it is published ({@link farm.moonx.events.EventDescriptor#validateData}).
 * {@link RecordCodec} does all three from one description of the record's components.
 *
 * @param <T> the record type
 */
public interface EventCodec<T> extends JsonCodec<T> {
  /**
   * Adds a message to {@code errors} for every problem that keeps {@code value} from being
   * written as a valid event, each naming its field (e.g. {@code data.paymentId: is required});
   * by default none.
   */
  default void validate(T value, List<String> errors) {}
}
