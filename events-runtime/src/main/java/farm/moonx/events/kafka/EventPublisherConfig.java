package farm.moonx.events.kafka;

import static java.util.Objects.requireNonNull;

import farm.moonx.events.DataClassificationStrategy;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.PartitionStrategy;
import farm.moonx.events.kafka.internal.ConsumerSettings;
import farm.moonx.events.kafka.internal.PublisherSettings;
import farm.moonx.events.kafka.internal.SettingsReader;
import farm.moonx.events.spi.EventSerializer;
import farm.moonx.events.spi.JsonEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How a {@link KafkaEventPublisher} is set up: who publishes, where to, and which kafka-clients
 * producer properties to use.
 *
 * <p>Producer defaults: {@code enable.idempotence=true}, {@code acks=all},
 * {@code compression.type=none}, {@code client.id=<serviceName>-publisher}, {@code linger.ms=0}
 * unless batching is enabled. Any other producer setting ({@code retries},
 * {@code delivery.timeout.ms}, SSL, SASL…) is a {@link Builder#property}, applied last: it wins
 * over the defaults and over a typed setting writing the same key. A publish blocks its thread
 * while the producer waits for metadata or buffer space, up to {@code max.block.ms} (Kafka's
 * 60 s; bound it with {@code property("max.block.ms", 2000)} on request threads). Keep
 * {@code compression.type} {@code none} or {@code gzip} while TypeScript services read the topic:
 * kafkajs reads only gzip out of the box. There is no service version setting: the envelope has
 * none (nor has the TypeScript metadata); OpenTelemetry's resource attribute
 * {@code service.version} is where it belongs.
 *
 * <p>{@link #fromProperties} reads, under {@code moonx.events.}: {@code service.name},
 * {@code topic.main}, {@code topic.dlq}, {@code validation.enabled}, {@code batching.enabled},
 * {@code batch.bytes}, {@code batch.timeout.ms}, {@code retry.enabled}, {@code retry.attempts}
 * (property {@code retries}), {@code delivery.timeout.ms}, {@code cloudevents.enabled},
 * {@code health.timeout.ms}. It accepts the consumer's keys, and ignores {@code service.version}
 * and {@code batch.size} (with a warning: an event count in the TypeScript config, while Kafka
 * batches by {@code batch.bytes}); another key under the prefix is an error. Keys outside it go
 * to the producer. {@link #fromEnv} reads {@code MOONX_EVENTS_BATCH_BYTES}-style variables into
 * these keys and {@code KAFKA_BOOTSTRAP_SERVERS}-style ones naming a producer property.
 */
public final class EventPublisherConfig {
  private final PublisherSettings s;

  private EventPublisherConfig(PublisherSettings settings) {
    this.s = settings;
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
   * A builder filled from properties (keys in the class comment); add what only code can give.
   *
   * @throws IllegalArgumentException if a value does not parse or a {@code moonx.events.} key is
   *     unknown (missing required settings are reported by {@link Builder#build()})
   */
  public static Builder fromProperties(Properties properties) {
    Builder b = builder();
    SettingsReader.read(properties, "EventPublisherConfig", r -> PublisherSettings.read(r, b),
        ConsumerSettings::readKeys).forEach(b::property);
    return b;
  }

  /** A builder filled from environment variables, e.g. {@code fromEnv(System.getenv())}; see the class comment. */
  public static Builder fromEnv(Map<String, String> env) {
    return fromProperties(SettingsReader.fromEnv(
        env, "EventPublisherConfig", ProducerConfig.configNames(), ConsumerConfig.configNames()));
  }

  /** The publishing service's name: {@code metadata.source} of every event. */
  public String serviceName() { return s.serviceName; }
  /** The topic every event goes to, or null to use each descriptor's own topic. */
  public String mainTopic() { return s.mainTopic; }
  /** Where an event the broker refused for good is copied (with {@code dlq.*} headers), or null. */
  public String deadLetterTopic() { return s.deadLetterTopic; }
  /** Whether events are validated before sending. */
  public boolean validationEnabled() { return s.validationEnabled; }
  /** Whether CloudEvents {@code ce_*} headers are written. */
  public boolean cloudEventsHeaders() { return s.cloudEventsHeaders; }
  /** The longest a health check may take. */
  public Duration healthTimeout() { return s.healthTimeout; }
  /** Applied in order to every event after validation and filtering (see {@link Builder#transformer}). */
  public List<UnaryOperator<EventEnvelope<?>>> transformers() { return s.transformers; }
  /** An event some filter rejects is not sent (see {@link Builder#filter}). */
  public List<Predicate<EventEnvelope<?>>> filters() { return s.filters; }
  /** The registry publish metrics go to, or null for none. */
  public MeterRegistry meterRegistry() { return s.meterRegistry; }
  /** The {@code OpenTelemetry} for traces, or null (an Object: this class loads without OpenTelemetry). */
  public Object openTelemetry() { return s.openTelemetry; }
  /** Chooses each event's partition key. */
  public PartitionStrategy partitionStrategy() { return s.partitionStrategy; }
  /** Chooses each event's data classification. */
  public DataClassificationStrategy classificationStrategy() { return s.classificationStrategy; }
  /** The events publishable by name, or null for every catalog on the class path. */
  public EventRegistry registry() { return s.registry; }
  /** How envelopes become record values (default: the JSON envelope, {@link JsonEventSerializer}). */
  public EventSerializer serializer() { return s.serializer; }
  /** The producer's {@code transactional.id} ({@link Builder#transactionalId} or the property), or null. */
  public String transactionalId() { return Objects.toString(s.producerProperties.get("transactional.id"), null); }
  /** The kafka-clients producer properties this config resolves to (serializers excluded). */
  public Map<String, Object> producerProperties() { return s.producerProperties; }

  /** Builds an {@link EventPublisherConfig}; {@link #build()} checks it. */
  public static final class Builder {
    private final PublisherSettings s = new PublisherSettings();

    private Builder() {}

    /** The publishing service's name (required). */
    public Builder serviceName(String name) { s.serviceName = name; return this; }
    /** Kafka's {@code bootstrap.servers}, e.g. {@code broker-1:9092,broker-2:9092} (required here or as a property). */
    public Builder bootstrapServers(String servers) { s.bootstrapServers = servers; return this; }
    /** Sends every event to this topic instead of its descriptor's topic. */
    public Builder mainTopic(String topic) { s.mainTopic = topic; return this; }
    /** See {@link EventPublisherConfig#deadLetterTopic()}. */
    public Builder deadLetterTopic(String topic) { s.deadLetterTopic = topic; return this; }
    /** Validate events before sending (default true). */
    public Builder enableValidation(boolean enabled) { s.validationEnabled = enabled; return this; }
    /** Let the producer group events (default false, {@code linger.ms=0}); then the two settings below apply. */
    public Builder enableBatching(boolean enabled) { s.batchingEnabled = enabled; return this; }

    /**
     * The producer's {@code batch.size} when batching: the most <em>bytes</em> per partition batch
     * (default Kafka's 16 KiB). Not an event count like the TypeScript config's {@code batchSize}.
     */
    public Builder batchBytes(int bytes) { s.batchBytes = bytes; return this; }
    /** The producer's {@code linger.ms} when batching (default 5 ms). */
    public Builder batchTimeout(Duration timeout) { s.batchTimeout = requireNonNull(timeout); return this; }
    /** Let the producer retry failed sends (default true); false sets {@code retries=0} and idempotence off. */
    public Builder enableRetry(boolean enabled) { s.retryEnabled = enabled; return this; }
    /** Also write CloudEvents binary-mode {@code ce_*} headers (default false). */
    public Builder cloudEventsHeaders(boolean enabled) { s.cloudEventsHeaders = enabled; return this; }
    /** The longest a health check may take (default 5 s). */
    public Builder healthTimeout(Duration timeout) { s.healthTimeout = requireNonNull(timeout); return this; }
    /**
     * Adds a transformer, run after the filters in the order added: it receives the envelope (or the previous
     * one's result) and returns the one to send: never null, same event type, else the publish fails.
     */
    public Builder transformer(UnaryOperator<EventEnvelope<?>> step) { s.transformers.add(requireNonNull(step)); return this; }
    /** Adds a filter: it receives each validated envelope and returns whether to send it (all filters must agree). */
    public Builder filter(Predicate<EventEnvelope<?>> filter) { s.filters.add(requireNonNull(filter)); return this; }
    /** The Micrometer registry metrics go to (default: none); meter names are in the package documentation. */
    public Builder meterRegistry(MeterRegistry registry) { s.meterRegistry = requireNonNull(registry); return this; }
    /** Traces publishes (producer spans, W3C traceparent headers); default GlobalOpenTelemetry if present. */
    public Builder openTelemetry(OpenTelemetry otel) { s.openTelemetry = requireNonNull(otel); return this; }
    /** How partition keys are chosen (default {@link PartitionStrategy#defaultStrategy()}). */
    public Builder partitionStrategy(PartitionStrategy keys) { s.partitionStrategy = requireNonNull(keys); return this; }

    /** How classifications are chosen (default {@link DataClassificationStrategy#defaultStrategy()}). */
    public Builder classificationStrategy(DataClassificationStrategy strategy) {
      s.classificationStrategy = requireNonNull(strategy);
      return this;
    }

    /** The events publishable by name (default: every catalog on the class path). */
    public Builder registry(EventRegistry registry) { s.registry = requireNonNull(registry); return this; }
    /** How envelopes become record values (default: the JSON envelope, {@link JsonEventSerializer#shared()}). */
    public Builder serializer(EventSerializer serializer) { s.serializer = requireNonNull(serializer); return this; }

    /**
     * Makes the publisher transactional with this {@code transactional.id} (unique per running
     * instance: two live producers with one id fence each other). Then a
     * {@link KafkaEventPublisher#publishBatch} is committed or aborted as one, every publish is a
     * transaction, and a consumer given this publisher ({@link EventConsumerConfig.Builder#exactlyOnce})
     * commits each record's offset in the transaction of what its handler published. Readers that
     * must not see aborted events read with {@code isolation.level=read_committed}.
     */
    public Builder transactionalId(String id) { s.transactionalId = requireNonNull(id); return this; }

    /**
     * Any kafka-clients producer property, passed through untouched. Applied last: it wins over
     * the defaults and over a typed setting writing the same key ({@code bootstrap.servers},
     * {@code transactional.id}, {@code linger.ms}, {@code batch.size}, {@code retries}…).
     */
    public Builder property(String key, Object value) {
      s.properties.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * The config; this builder stays usable (changing it later does not change the config).
     *
     * @throws IllegalArgumentException if the service name or the bootstrap servers are missing,
     *     or retry is disabled while {@code enable.idempotence=true} is set
     */
    public EventPublisherConfig build() {
      return new EventPublisherConfig(s.resolve());
    }
  }
}
