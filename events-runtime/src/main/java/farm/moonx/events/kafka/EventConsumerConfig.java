package farm.moonx.events.kafka;

import static java.util.Objects.requireNonNull;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventHandler;
import farm.moonx.events.kafka.internal.ConsumerSettings;
import farm.moonx.events.kafka.internal.PublisherSettings;
import farm.moonx.events.kafka.internal.SettingsReader;
import farm.moonx.events.spi.EventDispatcher;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.EventSerializer;
import farm.moonx.events.spi.JsonEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How a {@link KafkaEventConsumer} is set up: group, topics, threads, what handles the events,
 * and what happens to records that fail.
 *
 * <p>Offsets are committed by the container ({@link CommitMode}): Kafka's
 * {@code enable.auto.commit} is forced off and set true is rejected. New groups start from the
 * earliest offset ({@code auto.offset.reset=earliest}) unless told otherwise. Any kafka-clients
 * property is a {@link Builder#property}, applied last (it wins over a typed setting writing the
 * same key, such as {@code group.id}); one only a producer knows ({@code compression.type},
 * {@code acks}…) goes to the dead-letter producer, which also inherits the consumer's connection
 * settings (bootstrap, SSL, SASL). Kafka's {@code fetch.max.wait.ms} (500 ms, kept) also bounds
 * how soon a partition is fetched again after a retry delay: see {@link RetryPolicy}.
 *
 * <p>{@link #fromProperties} reads, under {@code moonx.events.}: {@code topics}
 * (comma-separated), {@code concurrency}, {@code dlq.topic}, {@code unknown.type.policy}
 * ({@code skip} or {@code dead_letter}), {@code commit.mode}, {@code validation.enabled},
 * {@code poll.timeout.ms}, {@code retry.max.attempts}, {@code retry.initial.delay.ms},
 * {@code retry.max.delay.ms}, {@code dlq.timeout.ms}, and accepts the publisher's keys; keys
 * outside the prefix ({@code bootstrap.servers}, {@code group.id}…) are properties.
 * {@link #fromEnv} reads {@code MOONX_EVENTS_TOPICS}-style variables into these keys and
 * {@code KAFKA_GROUP_ID}-style ones naming a consumer property. Both return a builder: handlers
 * are code.
 */
public final class EventConsumerConfig {
  private final ConsumerSettings s;

  private EventConsumerConfig(ConsumerSettings settings) {
    this.s = settings;
  }

  /** A builder for consumer group {@code groupId}. */
  public static Builder builder(String groupId) {
    return new Builder().groupId(groupId);
  }

  /**
   * A builder filled from properties (see the class comment); add the dispatcher or handlers.
   *
   * @throws IllegalArgumentException if a value does not parse or a {@code moonx.events.} key is unknown
   */
  public static Builder fromProperties(Properties properties) {
    Builder b = new Builder();
    SettingsReader.read(properties, "EventConsumerConfig", r -> ConsumerSettings.read(r, b),
        PublisherSettings::readKeys).forEach(b::property);
    return b;
  }

  /** A builder filled from environment variables, e.g. {@code fromEnv(System.getenv())}. */
  public static Builder fromEnv(Map<String, String> env) {
    return fromProperties(SettingsReader.fromEnv(
        env, "EventConsumerConfig", ConsumerConfig.configNames(), ProducerConfig.configNames()));
  }

  /** The consumer group. */
  public String groupId() { return s.groupId; }
  /** The topics subscribed to. */
  public List<String> topics() { return s.topics; }
  /** Consumer threads, each with its own {@code KafkaConsumer}. */
  public int concurrency() { return s.concurrency; }
  /** Routes decoded events to handlers; its registry decides which types are decoded at all. */
  public EventDispatcher dispatcher() { return s.dispatcher; }
  /** A record some filter rejects is skipped: counted, committed (see {@link Builder#filter}). */
  public List<Predicate<EventEnvelope<?>>> filters() { return s.filters; }
  /** Applied in order after the filters, before the handler (see {@link Builder#transformer}). */
  public List<UnaryOperator<EventEnvelope<?>>> transformers() { return s.transformers; }
  /** How failed handlers are retried. */
  public RetryPolicy retryPolicy() { return s.retryPolicy; }
  /** The dead-letter topic of a record from {@code topic}: the configured one, else {@code <topic>.dlq}. */
  public String deadLetterTopic(String topic) { return s.deadLetterTopic != null ? s.deadLetterTopic : topic + ".dlq"; }
  /** What happens to event types the dispatcher does not handle. */
  public UnknownTypePolicy unknownTypePolicy() { return s.unknownTypePolicy; }
  /** When offsets are committed. */
  public CommitMode commitMode() { return s.commitMode; }
  /** Whether decoded events are validated (an invalid one is dead-lettered). */
  public boolean validationEnabled() { return s.validationEnabled; }
  /** The longest one poll waits for records. */
  public Duration pollTimeout() { return s.pollTimeout; }
  /** The longest a dead-letter write may take before it counts as failed. */
  public Duration deadLetterTimeout() { return s.deadLetterTimeout; }
  /** The longest one handler call may run (see {@link Builder#handlerTimeout}). */
  public Duration handlerTimeout() { return s.handlerTimeout; }
  /** The transactional publisher whose transactions each record's offset commits in, or null. */
  public KafkaEventPublisher transactionalPublisher() { return s.transactionalPublisher; }
  /** The registry consume metrics go to, or null for none. */
  public MeterRegistry meterRegistry() { return s.meterRegistry; }
  /** The {@code OpenTelemetry} for traces, or null (an Object: this class loads without OpenTelemetry). */
  public Object openTelemetry() { return s.openTelemetry; }
  /** Reads the envelopes. */
  public EventSerializer serializer() { return s.serializer; }
  /** The kafka-clients consumer properties (deserializers excluded: keys and values are bytes). */
  public Map<String, Object> consumerProperties() { return s.consumerProperties; }
  /** The dead-letter producer's properties (idempotent, {@code acks=all}). */
  public Map<String, Object> deadLetterProducerProperties() { return s.deadLetterProducerProperties; }

  /** Builds an {@link EventConsumerConfig}. */
  public static final class Builder {
    private final ConsumerSettings s = new ConsumerSettings();

    private Builder() {}

    /** The consumer group (required here or as property {@code group.id}). */
    public Builder groupId(String groupId) { s.groupId = groupId; return this; }
    /** Kafka's {@code bootstrap.servers} (required here or as a property). */
    public Builder bootstrapServers(String servers) { s.bootstrapServers = servers; return this; }
    /** Adds topics to subscribe to (at least one required). */
    public Builder topics(String... topics) { return topics(List.of(topics)); }
    /** Adds topics to subscribe to. */
    public Builder topics(List<String> topics) { topics.forEach(t -> s.topics.add(requireNonNull(t))); return this; }
    /** Consumer threads (default 1); more than the partition count leaves some idle. */
    public Builder concurrency(int threads) { s.concurrency = threads; return this; }
    /** The (generated) dispatcher; handlers registered here take precedence. */
    public Builder dispatcher(EventDispatcher dispatcher) { s.dispatcher = requireNonNull(dispatcher); return this; }

    /**
     * Handles events of {@code descriptor}'s type with {@code handler} (hand-written consumers;
     * combinable with a dispatcher).
     *
     * @throws IllegalStateException if a handler for this event type is already registered
     */
    public <T> Builder handler(EventDescriptor<T> descriptor, EventHandler<T> handler) {
      s.addHandler(descriptor, handler);
      return this;
    }

    /** Adds a filter: it receives each decoded, validated envelope and returns whether to handle it. */
    public Builder filter(Predicate<EventEnvelope<?>> filter) { s.filters.add(requireNonNull(filter)); return this; }
    /**
     * Adds a transformer, run after the filters in the order added: it receives the envelope (or the previous
     * one's result) and returns the one to handle: never null, same event type, else the record fails.
     */
    public Builder transformer(UnaryOperator<EventEnvelope<?>> step) { s.transformers.add(requireNonNull(step)); return this; }
    /** How failed handlers are retried (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy policy) { s.retryPolicy = requireNonNull(policy); return this; }
    /** One dead-letter topic for every subscribed topic (default: {@code <topic>.dlq} per topic). */
    public Builder deadLetterTopic(String topic) { s.deadLetterTopic = topic; return this; }
    /** What to do with unhandled event types (default {@link UnknownTypePolicy#SKIP}). */
    public Builder unknownTypePolicy(UnknownTypePolicy rule) { s.unknownTypePolicy = requireNonNull(rule); return this; }
    /** When offsets are committed (default {@link CommitMode#AFTER_EACH_BATCH}). */
    public Builder commitMode(CommitMode mode) { s.commitMode = requireNonNull(mode); return this; }
    /** Validate decoded events (default true). */
    public Builder enableValidation(boolean enabled) { s.validationEnabled = enabled; return this; }
    /** The longest one poll waits (default 500 ms; also bounds how fast {@code close} is noticed). */
    public Builder pollTimeout(Duration timeout) { s.pollTimeout = requireNonNull(timeout); return this; }
    /** The longest a dead-letter write may take (default 30 s; below {@code max.poll.interval.ms}). */
    public Builder deadLetterTimeout(Duration timeout) { s.deadLetterTimeout = requireNonNull(timeout); return this; }

    /**
     * The longest one handler call may run (default: half of {@code max.poll.interval.ms}, 150 s
     * with Kafka's defaults; must be below it). An overrunning call is interrupted and counts as a
     * failed attempt, so a hung handler can neither hold its partition nor get its consumer evicted.
     */
    public Builder handlerTimeout(Duration timeout) { s.handlerTimeout = requireNonNull(timeout); return this; }

    /**
     * Exactly once for handlers that publish: each record is handled in a transaction of
     * {@code publisher} (built with {@link EventPublisherConfig.Builder#transactionalId}); what the
     * handler publishes through it and the record's offset commit together, or abort together if
     * it fails (then the record is retried or dead-lettered). Reads with
     * {@code isolation.level=read_committed} unless told otherwise; one transaction at a time.
     *
     * @throws IllegalArgumentException if the publisher has no transactional id
     */
    public Builder exactlyOnce(KafkaEventPublisher publisher) {
      if (requireNonNull(publisher).config().transactionalId() == null) {
        throw new IllegalArgumentException("exactlyOnce needs a publisher built with a transactionalId");
      }
      s.transactionalPublisher = publisher;
      return this;
    }

    /** The Micrometer registry metrics go to (default: none); meters: see the package documentation. */
    public Builder meterRegistry(MeterRegistry registry) { s.meterRegistry = requireNonNull(registry); return this; }
    /** Traces handled events (spans continuing traceparent); default GlobalOpenTelemetry if present. */
    public Builder openTelemetry(OpenTelemetry otel) { s.openTelemetry = requireNonNull(otel); return this; }
    /** How envelopes are read (default {@link JsonEventSerializer#shared()}). */
    public Builder serializer(EventSerializer serializer) { s.serializer = requireNonNull(serializer); return this; }

    /**
     * Any kafka-clients property, passed through untouched and applied last (see the class
     * comment): a consumer property, or a producer-only one for the dead-letter producer.
     */
    public Builder property(String key, Object value) {
      s.properties.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * The config; this builder stays usable (changing it later does not change the config).
     *
     * @throws IllegalArgumentException if the group, bootstrap servers or topics are missing, a
     *     value is out of range, or {@code enable.auto.commit=true} is set
     * @throws IllegalStateException if nothing handles events, or an event is declared twice
     */
    public EventConsumerConfig build() {
      return new EventConsumerConfig(s.resolve());
    }
  }

  /**
   * When the consumer container commits offsets. Either way an offset is committed only once its
   * record was handled, skipped or dead-lettered (at-least-once).
   */
  public enum CommitMode {
    /** One synchronous commit per record: the fewest redeliveries after a crash, the most commits. */
    AFTER_EACH_RECORD,
    /**
     * One synchronous commit per poll, covering every record settled since the last one (the
     * default); the next poll's records are fetched and handled meanwhile, so a crash
     * redelivers at most about two polls' worth.
     */
    AFTER_EACH_BATCH
  }

  /**
   * What a consumer does with a record whose event type it does not handle, recognised by its
   * {@link EventHeaders#EVENT_TYPE} header (or else the envelope's metadata alone): its data is never decoded.
   */
  public enum UnknownTypePolicy {
    /** Skip it, count it ({@code moonx.events.skipped}, reason {@code unhandled}), commit: right for shared topics. */
    SKIP,
    /** Copy it to the dead-letter topic and commit: right for topics that carry only this service's events. */
    DEAD_LETTER
  }
}
