package farm.moonx.events.spi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Writes and reads one event record type as the JSON value of the envelope's {@code data}
 * field, with Jackson's streaming API. The annotation processor generates one per
 * {@code @EventType} record (no reflection); {@code JacksonDatabindCodec} is the explicit
 * fallback for records without one.
 *
 * @param <T> the record type
 */
public interface EventCodec<T> {
  /**
   * Writes {@code value} as one JSON object at the generator's current position.
   *
   * @throws IOException if the generator fails
   */
  void write(JsonGenerator generator, T value) throws IOException;

  /**
   * Reads one JSON object starting at the parser's current token (which is
   * {@code START_OBJECT}), leaving the parser on its matching {@code END_OBJECT} (or, as
   * jackson-databind does, with that token just cleared). Unknown
   * fields are skipped.
   *
   * @throws IOException if the JSON is malformed, or a required field is missing or has the
   *     wrong type; the message names the field
   */
  T read(JsonParser parser) throws IOException;
}
