package farm.moonx.events.spi;

import java.io.IOException;

/**
 * Writes and reads one kind of JSON value: a record (see {@link EventCodec}), a scalar or a
 * container. {@link CodecSupport} and {@link CodecArrays} hold the ones for the types the
 * annotation processor supports; generated codecs compose them.
 *
 * @param <T> the Java type
 */
public interface JsonCodec<T> {
  /** Writes the non-null {@code value} as one JSON value. */
  void write(JsonOut out, T value);

  /**
   * Reads the non-null JSON value at the reader's current token, leaving the reader on its
   * last byte.
   *
   * @throws IOException if the input is not valid JSON
   * @throws MalformedEventException if the value has the wrong JSON type or does not convert;
   *     the message names its path
   */
  T read(JsonIn in) throws IOException;
}
