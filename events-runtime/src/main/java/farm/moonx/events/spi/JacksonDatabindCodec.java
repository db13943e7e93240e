package farm.moonx.events.spi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An {@link EventCodec} over jackson-databind, for records that have no generated codec (e.g.
 * tests, prototypes, events of another team's jar). It uses reflection, so generated codecs are
 * preferred; jackson-databind is an optional dependency that you add to use this class.
 *
 * <p>{@link #of(Class)} uses a mapper that ignores unknown properties (forward compatibility),
 * omits null fields (as the TypeScript services omit {@code undefined}) and registers every
 * Jackson module found on the class path ({@link ObjectMapper#findModules()}). With
 * {@code jackson-datatype-jsr310} present, {@code java.time} values work and {@code Instant}s
 * are epoch milliseconds (the TypeScript {@code Date.now()} form); without it, records with
 * {@code java.time} components fail with Jackson's message telling you to add it.
 *
 * <p>Behind the byte-level {@link EventCodec} contract it writes the record to bytes and
 * copies them into the output, and reads the raw bytes of the {@code data} object (the
 * reader checks they are JSON first); a databind failure becomes a
 * {@link MalformedEventException} at its offset in the message body.
 *
 * @param <T> the record type
 */
public final class JacksonDatabindCodec<T> implements EventCodec<T> {
  private static final ObjectMapper DEFAULT_MAPPER = JsonMapper.builder()
      .addModules(ObjectMapper.findModules(JacksonDatabindCodec.class.getClassLoader()))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
      .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();

  private final ObjectMapper mapper;
  private final Class<T> type;

  private JacksonDatabindCodec(ObjectMapper mapper, Class<T> type) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A codec for {@code type} with the default mapper described above. */
  public static <T> JacksonDatabindCodec<T> of(Class<T> type) {
    return new JacksonDatabindCodec<>(DEFAULT_MAPPER, type);
  }

  /** A codec for {@code type} with your own mapper, used as it is. */
  public static <T> JacksonDatabindCodec<T> of(ObjectMapper mapper, Class<T> type) {
    return new JacksonDatabindCodec<>(mapper, type);
  }

  @Override
  public void write(JsonOut out, T value) {
    try {
      out.raw(mapper.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("databind cannot write " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public T read(JsonIn in) throws IOException {
    if (in.token() != '{') {
      throw in.typeError("an object");
    }
    long start = in.offset();
    byte[] json = in.rawValue();
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long offset = at == null || at.getByteOffset() < 0 ? start : start + at.getByteOffset();
      throw new MalformedEventException(in.path() + ": " + e.getOriginalMessage(), offset, e);
    }
  }

  @Override
  public String toString() {
    return "JacksonDatabindCodec[" + type.getName() + "]";
  }
}
