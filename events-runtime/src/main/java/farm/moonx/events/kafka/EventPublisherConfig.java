package farm.moonx.events.kafka;

import farm.moonx.events.DataClassificationStrategy;
import farm.moonx.events.EventFilter;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.EventTransformer;
import farm.moonx.events.PartitionStrategy;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.kafka.internal.SafeDefaults;
import farm.moonx.events.kafka.internal.SettingsReader;
import farm.moonx.events.spi.EventSerializer;
import farm.moonx.events.spi.JsonEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How a {@link KafkaEventPublisher} is set up: who publishes, where to, and which kafka-clients
 * producer properties to use.
 *
 * <p>Safe producer defaults: {@code enable.idempotence=true}, {@code acks=all},
 * {@code compression.type=none}, no lingering ({@code linger.ms=0}) unless batching is enabled.
 * Any kafka-clients producer property (SSL, SASL, timeouts, compression…) is passed through
 * untouched with {@link Builder#property} and wins over these defaults.
 *
 * <p><b>Blocking:</b> a publish blocks the calling thread while the producer waits for the
 * topic's metadata (the cluster unreachable, the first send to a topic) or for buffer space, up
 * to {@code max.block.ms}, Kafka's 60 s unless set. Bound it with {@link Builder#maxBlock} (or
 * the property {@code max.block.ms}) where a caller, such as a request thread, must not wait
 * that long.
 *
 * <p><b>Compression:</b> set it with {@code property("compression.type", …)}; keep {@code none}
 * or {@code gzip} while TypeScript services read the topic: kafkajs reads only gzip out of the
 * box and fails on lz4, zstd and snappy batches unless those codecs are installed there.
 *
 * <p>From {@link Properties} ({@link #fromProperties}): our keys start with
 * {@code moonx.events.} — {@code service.name}, {@code service.version}, {@code topic.main}, {@code topic.dlq}, {@code validation.enabled},
 * {@code batching.enabled}, {@code batch.size} (bytes), {@code batch.timeout.ms},
 * {@code retry.enabled}, {@code retry.attempts}, {@code delivery.timeout.ms},
 * {@code cloudevents.enabled}, {@code health.timeout.ms}; a misspelt one is an error. Every
 * other key ({@code bootstrap.servers}, {@code ssl.truststore.location}…) goes to the
 * producer. {@link #fromEnv} reads {@code MOONX_EVENTS_SERVICE_NAME}-style and
 * {@code KAFKA_BOOTSTRAP_SERVERS}-style variables into the same keys.
 */
public final class EventPublisherConfig {
  private final String serviceName;
  private final String serviceVersion;
  private final String mainTopic;
  private final String deadLetterTopic;
  private final boolean validationEnabled;
  private final boolean cloudEventsHeaders;
  private final Duration healthTimeout;
  private final List<EventTransformer> transformers;
  private final List<EventFilter> filters;
  private final MeterRegistry meterRegistry;
  private final Object openTelemetry;
  private final PartitionStrategy partitionStrategy;
  private final DataClassificationStrategy classificationStrategy;
  private final EventRegistry registry;
  private final EventSerializer serializer;
  private final Map<String, Object> producerProperties;
  private final String transactionalId;

  private EventPublisherConfig(Builder b) {
    this.serviceName = require(b.serviceName, "serviceName");
    this.serviceVersion = b.serviceVersion == null ? "unknown" : b.serviceVersion;
    this.mainTopic = b.mainTopic;
    this.deadLetterTopic = b.deadLetterTopic;
    this.validationEnabled = b.validationEnabled;
    this.cloudEventsHeaders = b.cloudEventsHeaders;
    this.healthTimeout = b.healthTimeout;
    this.transformers = List.copyOf(b.transformers);
    this.filters = List.copyOf(b.filters);
    this.meterRegistry = b.meterRegistry;
    this.openTelemetry = b.openTelemetry;
    this.partitionStrategy = b.partitionStrategy;
    this.classificationStrategy = b.classificationStrategy;
    this.registry = b.registry;
    this.transactionalId = b.transactionalId;
    this.serializer = b.serializer;
    this.producerProperties = Map.copyOf(resolveProducerProperties(b));
    SafeDefaults.warnIfWeakened("EventPublisherConfig producer", producerProperties);
  }

  /** A builder for the service {@code serviceName}. */
  public static Builder builder(String serviceName) {
    return new Builder().serviceName(serviceName);
  }

  /** A builder with nothing set (for frameworks that set the service name later). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder filled from properties (see the class comment for the keys); add what only code
   * can give (metrics, transformers, filters, strategies) and build. Like
   * {@link EventConsumerConfig#fromProperties}.
   *
   * @throws IllegalArgumentException if a value does not parse or a {@code moonx.events.} key is
   *     unknown (missing required settings are reported by {@link Builder#build()})
   */
  public static Builder fromProperties(Properties properties) {
    SettingsReader r = SettingsReader.of(properties);
    Builder b = builder();
    read(r, b);
    r.rejectUnknown("EventPublisherConfig", SettingsReader.keysReadBy(EventConsumerConfig::readSettings));
    r.kafkaProperties().forEach(b::property);
    return b;
  }

  /** Reads this config's own settings; {@link SettingsReader#keysReadBy} lists them from here. */
  static void readSettings(SettingsReader r) {
    read(r, builder());
  }

  private static void read(SettingsReader r, Builder b) {
    r.string("service.name").ifPresent(b::serviceName);
    r.string("service.version").ifPresent(b::serviceVersion);
    r.string("topic.main").ifPresent(b::mainTopic);
    r.string("topic.dlq").ifPresent(b::deadLetterTopic);
    r.bool("validation.enabled").ifPresent(b::enableValidation);
    r.bool("batching.enabled").ifPresent(b::enableBatching);
    r.integer("batch.size").ifPresent(b::batchSize);
    r.millis("batch.timeout.ms").ifPresent(b::batchTimeout);
    r.bool("retry.enabled").ifPresent(b::enableRetry);
    r.integer("retry.attempts").ifPresent(b::retryAttempts);
    r.millis("delivery.timeout.ms").ifPresent(b::deliveryTimeout);
    r.bool("cloudevents.enabled").ifPresent(b::cloudEventsHeaders);
    r.millis("health.timeout.ms").ifPresent(b::healthTimeout);
  }

  /** A builder filled from environment variables, e.g. {@code fromEnv(System.getenv())}; see the class comment. */
  public static Builder fromEnv(Map<String, String> env) {
    return fromProperties(SettingsReader.fromEnv(
        env, "EventPublisherConfig", ProducerConfig.configNames(), ConsumerConfig.configNames()));
  }

  /** The publishing service's name: {@code metadata.source} of every event. */
  public String serviceName() {
    return serviceName;
  }

  /** The publishing service's version. */
  public String serviceVersion() {
    return serviceVersion;
  }

  /** The topic every event goes to, or null to use each descriptor's own topic. */
  public String mainTopic() {
    return mainTopic;
  }

  /**
   * Where an event that the broker finally refused is copied (with {@code dlq.*} headers), or
   * null for nowhere; the publish future fails either way.
   */
  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  /** Whether events are validated before sending. */
  public boolean validationEnabled() {
    return validationEnabled;
  }

  /** Whether CloudEvents {@code ce_*} headers are written. */
  public boolean cloudEventsHeaders() {
    return cloudEventsHeaders;
  }

  /** The longest a health check may take. */
  public Duration healthTimeout() {
    return healthTimeout;
  }

  /** Applied in order to every event after validation and filtering. */
  public List<EventTransformer> transformers() {
    return transformers;
  }

  /** An event some filter rejects is not sent (see {@link KafkaEventPublisher}). */
  public List<EventFilter> filters() {
    return filters;
  }

  /** The registry publish metrics go to, or null for none. */
  public MeterRegistry meterRegistry() {
    return meterRegistry;
  }

  /** The {@code OpenTelemetry} for traces, or null (typed Object: this class loads without OpenTelemetry). */
  public Object openTelemetry() {
    return openTelemetry;
  }

  /** Chooses each event's partition key. */
  public PartitionStrategy partitionStrategy() {
    return partitionStrategy;
  }

  /** Chooses each event's data classification. */
  public DataClassificationStrategy classificationStrategy() {
    return classificationStrategy;
  }

  /**
   * The events {@link KafkaEventPublisher#publish(String, Object, PublishOptions)} looks names up
   * in, or null for every catalog on the class path ({@link EventRegistry#load()}).
   */
  public EventRegistry registry() {
    return registry;
  }

  /**
   * The producer's {@code transactional.id}, or null: with one, every publish and every
   * {@code publishBatch} is one Kafka transaction (the call returns once it is committed or
   * aborted; transactions of one publisher run one after the other), and consumers can join it
   * (see {@link KafkaEventPublisher#publishBatch}).
   */
  public String transactionalId() {
    return transactionalId;
  }

  /** The kafka-clients producer properties this config resolves to (serializers excluded). */
  /** How envelopes become record values (default: the JSON envelope, {@link JsonEventSerializer}). */
  public EventSerializer serializer() {
    return serializer;
  }

  public Map<String, Object> producerProperties() {
    return producerProperties;
  }

  private static Map<String, Object> resolveProducerProperties(Builder b) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ProducerConfig.CLIENT_ID_CONFIG, b.serviceName + "-publisher");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, b.retryEnabled);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    p.put(ProducerConfig.LINGER_MS_CONFIG, b.batchingEnabled ? b.batchTimeout.toMillis() : 0L);
    if (b.batchingEnabled && b.batchSize != null) {
      p.put(ProducerConfig.BATCH_SIZE_CONFIG, b.batchSize);
    }
    if (!b.retryEnabled) {
      // The idempotent producer needs retries > 0, so "no retry" also means not idempotent.
      p.put(ProducerConfig.RETRIES_CONFIG, 0);
    } else if (b.retryAttempts != null) {
      p.put(ProducerConfig.RETRIES_CONFIG, b.retryAttempts);
    }
    if (b.deliveryTimeout != null) {
      p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) b.deliveryTimeout.toMillis());
    }
    if (b.maxBlock != null) {
      p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, b.maxBlock.toMillis());
    }
    p.putAll(b.properties);
    if (b.transactionalId != null) {
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, b.transactionalId);
    }
    if (b.bootstrapServers != null) {
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    }
    if (b.clientId != null) {
      p.put(ProducerConfig.CLIENT_ID_CONFIG, b.clientId);
    }
    p.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    p.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    Object servers = p.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    if (servers == null || servers.toString().isBlank()) {
      throw new IllegalArgumentException(
          "EventPublisherConfig: bootstrapServers is required (builder.bootstrapServers(…), "
              + "property bootstrap.servers or env KAFKA_BOOTSTRAP_SERVERS)");
    }
    if (!b.retryEnabled && Boolean.parseBoolean(String.valueOf(p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))) {
      throw new IllegalArgumentException(
          "EventPublisherConfig: enable.idempotence=true needs retries; do not disable retry");
    }
    return p;
  }

  private static String require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("EventPublisherConfig: " + name + " is required");
    }
    return value;
  }

  /** Builds an {@link EventPublisherConfig}; {@link #build()} checks it. */
  public static final class Builder {
    private String serviceName;
    private String serviceVersion;
    private String bootstrapServers;
    private String clientId;
    private String mainTopic;
    private String deadLetterTopic;
    private boolean validationEnabled = true;
    private boolean batchingEnabled;
    private Integer batchSize;
    private Duration batchTimeout = Duration.ofMillis(5);
    private boolean retryEnabled = true;
    private Integer retryAttempts;
    private Duration deliveryTimeout;
    private Duration maxBlock;
    private boolean cloudEventsHeaders;
    private Duration healthTimeout = Duration.ofSeconds(5);
    private final List<EventTransformer> transformers = new ArrayList<>();
    private final List<EventFilter> filters = new ArrayList<>();
    private MeterRegistry meterRegistry;
    private Object openTelemetry;
    private PartitionStrategy partitionStrategy = PartitionStrategy.defaultStrategy();
    private DataClassificationStrategy classificationStrategy = DataClassificationStrategy.defaultStrategy();
    private EventRegistry registry;
    private EventSerializer serializer = JsonEventSerializer.shared();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private String transactionalId;

    private Builder() {}

    /** The publishing service's name (required). */
    public Builder serviceName(String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    /** The publishing service's version (default {@code unknown}). */
    public Builder serviceVersion(String serviceVersion) {
      this.serviceVersion = serviceVersion;
      return this;
    }

    /** Kafka's {@code bootstrap.servers}, e.g. {@code broker-1:9092,broker-2:9092} (required). */
    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
      return this;
    }

    /** Kafka's {@code client.id} (default {@code <serviceName>-publisher}). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Sends every event to this topic instead of its descriptor's topic. */
    public Builder mainTopic(String topic) {
      this.mainTopic = topic;
      return this;
    }

    /** See {@link EventPublisherConfig#deadLetterTopic()}. */
    public Builder deadLetterTopic(String topic) {
      this.deadLetterTopic = topic;
      return this;
    }

    /** Validate events before sending (default true). */
    public Builder enableValidation(boolean enabled) {
      this.validationEnabled = enabled;
      return this;
    }

    /**
     * Let the producer group events into batches (default false: {@code linger.ms=0}). When
     * true, {@link #batchTimeout} becomes {@code linger.ms} and {@link #batchSize} becomes
     * {@code batch.size}.
     */
    public Builder enableBatching(boolean enabled) {
      this.batchingEnabled = enabled;
      return this;
    }

    /** The producer's {@code batch.size}, in bytes (Kafka's meaning, not an event count). */
    public Builder batchSize(int bytes) {
      this.batchSize = bytes;
      return this;
    }

    /** The producer's {@code linger.ms} when batching (default 5 ms). */
    public Builder batchTimeout(Duration timeout) {
      this.batchTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Let the producer retry failed sends (default true, bounded by the delivery timeout).
     * False sets {@code retries=0} and turns idempotence off, which Kafka requires.
     */
    public Builder enableRetry(boolean enabled) {
      this.retryEnabled = enabled;
      return this;
    }

    /** The producer's {@code retries} (default: Kafka's, bounded by {@link #deliveryTimeout}). */
    public Builder retryAttempts(int attempts) {
      this.retryAttempts = attempts;
      return this;
    }

    /** The producer's {@code delivery.timeout.ms}: how long a publish may take before it fails. */
    public Builder deliveryTimeout(Duration timeout) {
      this.deliveryTimeout = timeout;
      return this;
    }

    /**
     * The producer's {@code max.block.ms} (Kafka's default: 60 s): the longest a publish may
     * block the calling thread, waiting for metadata while the cluster is unreachable or for
     * buffer space; past it the publish future fails with a {@code TimeoutException}.
     */
    public Builder maxBlock(Duration timeout) {
      this.maxBlock = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Also write CloudEvents binary-mode {@code ce_*} headers (default false). */
    public Builder cloudEventsHeaders(boolean enabled) {
      this.cloudEventsHeaders = enabled;
      return this;
    }

    /** The longest a health check may take (default 5 s). */
    public Builder healthTimeout(Duration timeout) {
      this.healthTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Adds a transformer, applied after validation and the filters, in the order added. */
    public Builder transformer(EventTransformer transformer) {
      transformers.add(Objects.requireNonNull(transformer, "transformer"));
      return this;
    }

    /** Adds a filter; an event is sent only if every filter accepts it. */
    public Builder filter(EventFilter filter) {
      filters.add(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** The Micrometer registry metrics go to (default: none); meter names are in the package documentation. */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Traces publishes (producer spans, W3C traceparent headers); default GlobalOpenTelemetry if present. */
    public Builder openTelemetry(io.opentelemetry.api.OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /** How partition keys are chosen (default {@link PartitionStrategy#defaultStrategy()}). */
    public Builder partitionStrategy(PartitionStrategy strategy) {
      this.partitionStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** How classifications are chosen (default {@link DataClassificationStrategy#defaultStrategy()}). */
    public Builder classificationStrategy(DataClassificationStrategy strategy) {
      this.classificationStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** The events publishable by name (default: every catalog on the class path). */
    public Builder registry(EventRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Makes the publisher transactional with this {@code transactional.id} (unique per running
     * instance: two live producers with one id fence each other). Then a
     * {@link KafkaEventPublisher#publishBatch} is committed or aborted as one, and a consumer
     * given this publisher ({@link EventConsumerConfig.Builder#exactlyOnce}) commits each
     * record's offset in the transaction of what its handler published. Readers that must not
     * see aborted events read with {@code isolation.level=read_committed}.
     */
    public Builder transactionalId(String transactionalId) {
      this.transactionalId = Objects.requireNonNull(transactionalId, "transactionalId");
      return this;
    }

    /** Any kafka-clients producer property, passed through untouched; wins over the defaults. */
    public Builder property(String key, Object value) {
      properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * How envelopes become record values, as on the consumer side (default: the JSON envelope
     * the TypeScript services read, {@link JsonEventSerializer#shared()}).
     */
    public Builder serializer(EventSerializer serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
      return this;
    }

    /**
     * The config.
     *
     * @throws IllegalArgumentException if the service name or the bootstrap servers are missing,
     *     or retry is disabled while idempotence is forced on
     */
    public EventPublisherConfig build() {
      return new EventPublisherConfig(this);
    }
  }
}
