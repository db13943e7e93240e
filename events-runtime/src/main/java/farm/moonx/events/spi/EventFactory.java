package farm.moonx.events.spi;

import farm.moonx.events.DataClassificationStrategy;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.PartitionStrategy;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.internal.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wraps event data in a complete envelope: a fresh {@code eventId}, the {@code timestamp},
 * {@code source} (this service), the descriptor's version, correlation and causation ids, who
 * the event concerns, its classification and its partition key. One per service, thread-safe.
 *
 * <pre>{@code
 * EventFactory factory = EventFactory.builder("payments").build();
 * EventEnvelope<PaymentProcessed> e = factory.create(PAYMENT_PROCESSED, payment, PublishOptions.none());
 * }</pre>
 *
 * <p>Ids are time-ordered UUIDs (version 7) by default, so they sort by creation time; the
 * correlation id of an event that starts a flow is such an id too. The factory does not
 * validate: the publisher checks what it creates (see {@link EventValidationException}).
 */
public final class EventFactory {
  private final String serviceName;
  private final PartitionStrategy partitionStrategy;
  private final DataClassificationStrategy classificationStrategy;
  private final Clock clock;
  private final Supplier<String> idGenerator;

  private EventFactory(Builder b) {
    this.serviceName = b.serviceName;
    this.partitionStrategy = b.partitionStrategy;
    this.classificationStrategy = b.classificationStrategy;
    this.clock = b.clock;
    // Default ids take their time from the factory's clock, so id order matches timestamps.
    this.idGenerator = b.idGenerator != null ? b.idGenerator : () -> UuidV7.at(clock.millis()).toString();
  }

  /**
   * A builder for the service named {@code serviceName} (non-blank), written as
   * {@code metadata.source}. The envelope has no service version, as the TypeScript services'
   * has none (OpenTelemetry's {@code service.version} resource attribute is where it belongs).
   */
  public static Builder builder(String serviceName) {
    return new Builder(serviceName);
  }

  /**
   * A new envelope for {@code data} of event type {@code descriptor}.
   *
   * @param options who the event concerns and how it is correlated; null means none
   * @throws NullPointerException if {@code descriptor} or {@code data} is null
   * @throws IllegalArgumentException if {@code data} is not of the descriptor's record type
   */
  public <T> EventEnvelope<T> create(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    Objects.requireNonNull(descriptor, "descriptor");
    T checked = descriptor.cast(Objects.requireNonNull(data, "data"));
    PublishOptions opts = options != null ? options : PublishOptions.none();
    String correlationId = opts.correlationId() != null ? opts.correlationId() : idGenerator.get();
    EventMetadata metadata = EventMetadata.builder()
        .eventId(idGenerator.get())
        .eventType(descriptor.name())
        .eventVersion(descriptor.version())
        .correlationId(correlationId)
        .causationId(opts.causationId())
        .timestamp(clock.millis())
        .source(serviceName)
        .userId(opts.userId())
        .sessionId(opts.sessionId())
        .tenantId(opts.tenantId())
        .dataClassification(classificationStrategy.classify(descriptor, checked))
        .partition(partitionStrategy.partitionKey(descriptor, checked, opts))
        // An empty context is omitted from the wire, as the TypeScript services do.
        .context(opts.context().isEmpty() ? null : opts.context())
        .build();
    return new EventEnvelope<>(metadata, checked);
  }

  /** {@link #create(EventDescriptor, Object, PublishOptions)} with no options. */
  public <T> EventEnvelope<T> create(EventDescriptor<T> descriptor, T data) {
    return create(descriptor, data, PublishOptions.none());
  }

  /**
   * A new envelope for {@code data}, of the event type {@code registry} registers for the
   * data's record class.
   *
   * @throws IllegalArgumentException if no event type in {@code registry} has that record class
   */
  public <T> EventEnvelope<T> create(EventRegistry registry, T data, PublishOptions options) {
    Objects.requireNonNull(data, "data");
    @SuppressWarnings("unchecked") // getClass() of a T is a Class<? extends T>; registries map exact classes
    Class<T> type = (Class<T>) data.getClass();
    EventDescriptor<T> descriptor = registry.find(type).orElseThrow(() -> new IllegalArgumentException(
        "no event type is registered for record " + type.getName() + " in " + registry));
    return create(descriptor, data, options);
  }

  /** The service name, written as {@code metadata.source}. */
  public String serviceName() {
    return serviceName;
  }

  /** The clock timestamps are taken from. */
  public Clock clock() {
    return clock;
  }

  /** Builds an {@link EventFactory}; every setting but the service name is optional. */
  public static final class Builder {
    private final String serviceName;
    private PartitionStrategy partitionStrategy = PartitionStrategy.defaultStrategy();
    private DataClassificationStrategy classificationStrategy = DataClassificationStrategy.defaultStrategy();
    private Clock clock = Clock.systemUTC();
    private Supplier<String> idGenerator;

    private Builder(String serviceName) {
      this.serviceName = requireText(serviceName, "serviceName");
    }

    /** Sets the partition strategy (default {@link PartitionStrategy#defaultStrategy()}). */
    public Builder partitionStrategy(PartitionStrategy partitionStrategy) {
      this.partitionStrategy = Objects.requireNonNull(partitionStrategy, "partitionStrategy");
      return this;
    }

    /** Sets the classification strategy (default {@link DataClassificationStrategy#defaultStrategy()}). */
    public Builder classificationStrategy(DataClassificationStrategy classificationStrategy) {
      this.classificationStrategy = Objects.requireNonNull(classificationStrategy, "classificationStrategy");
      return this;
    }

    /** Sets the clock for timestamps and default ids (default {@link Clock#systemUTC()}). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where event ids and new correlation ids come from (default: UUID version 7 strings
     * from the clock). Each call must return a new unique id.
     */
    public Builder idGenerator(Supplier<String> idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /** The factory. */
    public EventFactory build() {
      return new EventFactory(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must be a non-blank string, got " + (value == null ? "null" : "\"" + value + "\""));
      }
      return value;
    }
  }
}
