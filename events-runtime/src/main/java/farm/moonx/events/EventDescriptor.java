package farm.moonx.events;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventNames;
import farm.moonx.events.internal.UpcastingCodec;
import farm.moonx.events.spi.EventCodec;
import farm.moonx.events.spi.UnknownEventVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything the runtime knows about one event type: its name and version on the wire, its
 * record class, its declared classification, its default topic, how to find its partition
 * key, how to check its data and how to write and read it as JSON. The annotation processor
 * generates one constant per {@code @EventType} record ({@code PaymentsEvents.PAYMENT_PROCESSED});
 * tests and hand-written code build one with {@link #builder}.
 *
 * @param <T> the event record type
 */
public final class EventDescriptor<T> {

  /** The catalog topic used when none is given. */
  public static final String DEFAULT_TOPIC = EventNames.DEFAULT_TOPIC;

  /**
   * Checks one event's data beyond what its Java type and its codec's
   * {@link EventCodec#validate} guarantee (e.g. business rules), adding one message per problem,
   * each naming the field.
   *
   * @param <T> the event record type
   */
  @FunctionalInterface
  public interface DataValidator<T> {
    /** Adds a message to {@code errors} for every problem found in {@code data}. */
    void validate(T data, List<String> errors);
  }

  private final String name;
  private final String version;
  private final Class<T> type;
  private final DataClassification classification;
  private final String topic;
  private final Function<? super T, String> partitionKey;
  private final DataValidator<? super T> validator;
  private final EventCodec<T> codec;
  private final int major;
  /** Readers of older majors by major, each decoding its own record and upcasting it to T. */
  private final Map<Integer, OlderVersion<T>> older;
  private final Set<String> sensitiveFields;

  private EventDescriptor(Builder<T> b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.version = Objects.requireNonNull(b.version, "version");
    // Checked once here, so publishing and consuming need not match patterns per event.
    if (!EventNames.isEventName(name)) {
      throw new IllegalArgumentException("\"" + name + "\" is not a valid event name: use lowercase dotted segments, "
          + "such as \"payment.processed\"");
    }
    if (!EventNames.isVersion(version)) {
      throw new IllegalArgumentException("\"" + version + "\" is not a valid event version: use major.minor or "
          + "major.minor.patch without leading zeros, such as \"1.0\" or \"2.3.1\"");
    }
    this.type = Objects.requireNonNull(b.type, "type");
    this.classification = b.classification;
    this.topic = Objects.requireNonNull(b.topic, "topic");
    this.partitionKey = b.partitionKey;
    this.validator = b.validator;
    this.codec = Objects.requireNonNull(b.codec, "codec");
    this.major = EventNames.major(version);
    this.older = Map.copyOf(b.older);
    this.sensitiveFields = Set.copyOf(b.sensitiveFields);
  }

  /**
   * Starts a descriptor for event {@code name} with record class {@code type} and its codec;
   * version defaults to {@code "1.0"}, topic to {@value #DEFAULT_TOPIC}.
   */
  public static <T> Builder<T> builder(String name, Class<T> type, EventCodec<T> codec) {
    return new Builder<>(name, type, codec);
  }

  /** The event name on the wire, e.g. {@code payment.processed}. */
  public String name() {
    return name;
  }

  /** The schema version, e.g. {@code 1.0}. */
  public String version() {
    return version;
  }

  /** The record class. */
  public Class<T> type() {
    return type;
  }

  /** The classification declared on the record, or null if none was declared. */
  public DataClassification classification() {
    return classification;
  }

  /** The catalog's topic for this event. */
  public String topic() {
    return topic;
  }

  /** The codec for the envelope's {@code data}. */
  public EventCodec<T> codec() {
    return codec;
  }

  /**
   * Every version this descriptor reads, ascending: the older majors' declared versions
   * ({@code "1.3"}) and this one's ({@link #version()}, which publishers write).
   */
  public List<String> versions() {
    List<String> all = new ArrayList<>();
    new TreeMap<>(older).values().forEach(o -> all.add(o.version()));
    all.add(version);
    return List.copyOf(all);
  }

  /**
   * The codec that reads data written as {@code wireVersion} (the envelope's
   * {@code eventVersion}; {@code "1"} counts as {@code "1.0"}) and yields this descriptor's
   * record: {@link #codec()} for this major, an older record's codec followed by its upcasts
   * for an older major. A null version is read as this one.
   *
   * @throws UnknownEventVersionException if this descriptor reads no such major
   */
  public EventCodec<T> codecFor(String wireVersion) {
    if (wireVersion == null || wireVersion.equals(version)) {
      return codec; // the common case, without parsing the version
    }
    int wireMajor = EventNames.major(wireVersion);
    if (wireMajor == major && wireMajor >= 0) {
      return codec;
    }
    OlderVersion<T> reader = older.get(wireMajor);
    if (reader == null) {
      throw new UnknownEventVersionException(name, wireVersion, versions());
    }
    return reader.codec();
  }

  /** Whether the record declares a {@code @PartitionKey} component. */
  public boolean hasPartitionKey() {
    return partitionKey != null;
  }

  /**
   * The value of the record's {@code @PartitionKey} component as a string, or null when the
   * record has none or its value is null.
   */
  public String partitionKey(T data) {
    return partitionKey == null ? null : partitionKey.apply(data);
  }

  /**
   * The problems found in {@code data}; empty when it is valid: first the codec's
   * ({@link EventCodec#validate}: for a generated codec, required components present), then the
   * data validator's, if one was set.
   */
  public List<String> validateData(T data) {
    List<String> errors = new ArrayList<>();
    codec.validate(data, errors);
    if (validator != null) {
      validator.validate(data, errors);
    }
    return errors.isEmpty() ? List.of() : List.copyOf(errors);
  }

  /**
   * Casts an object known to be of this event's record type, failing with a clear message
   * (never a bare {@code ClassCastException}) if it is not.
   */
  public T cast(Object data) {
    if (!type.isInstance(data)) {
      throw new IllegalArgumentException(
          "event \"" + name + "\" carries " + type.getName() + ", not "
              + (data == null ? "null" : data.getClass().getName()));
    }
    return type.cast(data);
  }

  /**
   * The same envelope typed as this event's, for an envelope decoded with this descriptor
   * (dispatchers use it to call typed handlers).
   *
   * @throws IllegalArgumentException if its data is not of this event's record type
   */
  @SuppressWarnings("unchecked") // its data was just checked to be a T, and an envelope is immutable
  public EventEnvelope<T> castEnvelope(EventEnvelope<?> envelope) {
    cast(envelope.data());
    return (EventEnvelope<T>) envelope;
  }

  /**
   * The names of the data's components marked {@code @Sensitive}: their values never reach
   * logs, dead-letter headers or tools (empty if none).
   */
  public Set<String> sensitiveFields() {
    return sensitiveFields;
  }

  @Override
  public String toString() {
    return "EventDescriptor[" + name + " v" + String.join("/", versions()) + " -> " + type.getName() + "]";
  }

  /** An older major this descriptor reads: its declared version and its upcasting reader. */
  private record OlderVersion<T>(String version, EventCodec<T> codec) {}

  /**
   * Builds an {@link EventDescriptor}.
   *
   * @param <T> the event record type
   */
  public static final class Builder<T> {
    private final String name;
    private final Class<T> type;
    private final EventCodec<T> codec;
    private String version = "1.0";
    private DataClassification classification;
    private String topic = DEFAULT_TOPIC;
    private Function<? super T, String> partitionKey;
    private DataValidator<? super T> validator;
    private final Map<Integer, OlderVersion<T>> older = new TreeMap<>();
    private Set<String> sensitiveFields = Set.of();

    private Builder(String name, Class<T> type, EventCodec<T> codec) {
      this.name = name;
      this.type = type;
      this.codec = codec;
    }

    /** Sets the schema version (default {@code 1.0}). */
    public Builder<T> version(String version) {
      this.version = version;
      return this;
    }

    /** Sets the declared classification (default: none declared). */
    public Builder<T> classification(DataClassification classification) {
      this.classification = classification;
      return this;
    }

    /** Sets the catalog topic (default {@value EventDescriptor#DEFAULT_TOPIC}). */
    public Builder<T> topic(String topic) {
      this.topic = topic;
      return this;
    }

    /** Sets how the partition key is read from the record. */
    public Builder<T> partitionKey(Function<? super T, String> partitionKey) {
      this.partitionKey = partitionKey;
      return this;
    }

    /** Sets a data validator, run after the codec's own checks ({@link EventCodec#validate}). */
    public Builder<T> validator(DataValidator<? super T> validator) {
      this.validator = validator;
      return this;
    }

    /**
     * Also reads data of the older {@code version} (another major than this descriptor's),
     * decoding it with {@code codec} and turning it into this descriptor's record with
     * {@code upcast} (generated code chains the records' {@code Upcast.upcast()} calls).
     *
     * @throws IllegalArgumentException if {@code version} is not {@code major.minor} or its
     *     major is already read
     */
    public <O> Builder<T> reads(String version, EventCodec<O> codec, Function<? super O, ? extends T> upcast) {
      int olderMajor = EventNames.major(version);
      if (!EventNames.isVersion(version) || older.containsKey(olderMajor)) {
        throw new IllegalArgumentException("event \"" + name + "\": cannot also read version " + version
            + (EventNames.isVersion(version) ? ": its major is already read" : ": not major.minor"));
      }
      older.put(olderMajor, new OlderVersion<>(version, new UpcastingCodec<>(name, version, codec, upcast)));
      return this;
    }

    /** Sets the names of the components marked {@code @Sensitive} (default: none). */
    public Builder<T> sensitiveFields(String... names) {
      this.sensitiveFields = Set.of(names);
      return this;
    }

    /**
     * The descriptor.
     *
     * @throws IllegalArgumentException if an older version read has this descriptor's major
     */
    public EventDescriptor<T> build() {
      if (older.containsKey(EventNames.major(version))) {
        throw new IllegalArgumentException("event \"" + name + "\": version " + version
            + " is this descriptor's own major; read older majors only");
      }
      return new EventDescriptor<>(this);
    }
  }
}
