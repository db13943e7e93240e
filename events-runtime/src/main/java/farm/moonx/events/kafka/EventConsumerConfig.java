package farm.moonx.events.kafka;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventFilter;
import farm.moonx.events.EventHandler;
import farm.moonx.events.EventTransformer;
import farm.moonx.events.kafka.internal.ClientProperties;
import farm.moonx.events.kafka.internal.HandlerDispatcher;
import farm.moonx.events.kafka.internal.SafeDefaults;
import farm.moonx.events.kafka.internal.SettingsReader;
import farm.moonx.events.spi.EventDispatcher;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.EventSerializer;
import farm.moonx.events.spi.JsonEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How a {@link KafkaEventConsumer} is set up: group, topics, threads, what handles the events,
 * and what happens to records that fail.
 *
 * <p>Offsets are committed by the container ({@link CommitMode}); Kafka's
 * {@code enable.auto.commit} is forced off and a config that sets it true is rejected. New
 * groups start from the earliest offset ({@code auto.offset.reset=earliest}) unless told
 * otherwise. Any kafka-clients consumer property is passed through with {@link Builder#property};
 * the dead-letter producer inherits the connection settings (bootstrap, SSL, SASL) and takes
 * its own overrides from {@link Builder#deadLetterProducerProperty}.
 *
 * <p>{@link #fromProperties} reads {@code moonx.events.topics} (comma-separated),
 * {@code concurrency}, {@code dlq.topic}, {@code unknown.type.policy} ({@code skip} or
 * {@code dead_letter}), {@code commit.mode}, {@code validation.enabled},
 * {@code poll.timeout.ms}, {@code retry.max.attempts}, {@code retry.initial.delay.ms},
 * {@code retry.max.delay.ms}, {@code dlq.timeout.ms} (all under {@code moonx.events.}); every
 * other key ({@code bootstrap.servers}, {@code group.id}…) goes to the consumer. It returns a
 * builder because the handlers are code.
 *
 * <p>Kafka's {@code fetch.max.wait.ms} (500 ms by default, kept as is) also bounds how soon a
 * partition is fetched again after a retry delay ends: delays shorter than it are stretched
 * towards it on quiet topics. See {@link RetryPolicy} for why and how to tighten it.
 */
public final class EventConsumerConfig {
  private final String groupId;
  private final List<String> topics;
  private final int concurrency;
  private final EventDispatcher dispatcher;
  private final List<EventFilter> filters;
  private final List<EventTransformer> transformers;
  private final RetryPolicy retryPolicy;
  private final String deadLetterTopic;
  private final UnknownTypePolicy unknownTypePolicy;
  private final CommitMode commitMode;
  private final boolean validationEnabled;
  private final Duration pollTimeout;
  private final Duration deadLetterTimeout;
  private final Duration handlerTimeout;
  private final KafkaEventPublisher transactionalPublisher;
  private final MeterRegistry meterRegistry;
  private final Object openTelemetry;
  private final EventSerializer serializer;
  private final Map<String, Object> consumerProperties;
  private final Map<String, Object> deadLetterProducerProperties;

  private EventConsumerConfig(Builder b) {
    Map<String, Object> consumer = new LinkedHashMap<>();
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.putAll(b.properties);
    if (b.bootstrapServers != null) {
      consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    }
    if (b.groupId != null) {
      consumer.put(ConsumerConfig.GROUP_ID_CONFIG, b.groupId);
    }
    this.groupId = required(consumer.get(ConsumerConfig.GROUP_ID_CONFIG), "groupId (or property group.id)");
    required(consumer.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
        "bootstrapServers (or property bootstrap.servers, env KAFKA_BOOTSTRAP_SERVERS)");
    if ("true".equalsIgnoreCase(String.valueOf(consumer.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)))) {
      throw new IllegalArgumentException("EventConsumerConfig: enable.auto.commit=true is not supported: the "
          + "container commits each offset after its record is handled or dead-lettered (see CommitMode)");
    }
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    consumer.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    consumer.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    this.consumerProperties = Map.copyOf(consumer);

    if (b.topics.isEmpty()) {
      throw new IllegalArgumentException("EventConsumerConfig: at least one topic is required");
    }
    if (b.concurrency < 1) {
      throw new IllegalArgumentException("EventConsumerConfig: concurrency must be at least 1, got " + b.concurrency);
    }
    if (b.dispatcher == null && b.handlers.isEmpty()) {
      throw new IllegalStateException("EventConsumerConfig: nothing handles events: set a dispatcher "
          + "(the generated one) or register handlers");
    }
    this.topics = List.copyOf(b.topics);
    this.concurrency = b.concurrency;
    this.dispatcher = b.handlers.isEmpty() ? b.dispatcher : new HandlerDispatcher(b.handlers, b.dispatcher);
    this.filters = List.copyOf(b.filters);
    this.transformers = List.copyOf(b.transformers);
    this.retryPolicy = b.retryPolicy;
    this.deadLetterTopic = b.deadLetterTopic;
    this.unknownTypePolicy = b.unknownTypePolicy;
    this.commitMode = b.commitMode;
    this.validationEnabled = b.validationEnabled;
    this.pollTimeout = b.pollTimeout;
    this.deadLetterTimeout = b.deadLetterTimeout;
    long maxPollInterval = Long.parseLong(String.valueOf(
        consumer.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000)));
    this.handlerTimeout = b.handlerTimeout != null ? b.handlerTimeout : Duration.ofMillis(maxPollInterval / 2);
    if (handlerTimeout.isZero() || handlerTimeout.isNegative() || handlerTimeout.toMillis() >= maxPollInterval) {
      throw new IllegalArgumentException("EventConsumerConfig: handlerTimeout must be positive and below "
          + "max.poll.interval.ms (" + maxPollInterval + " ms), got " + handlerTimeout.toMillis() + " ms");
    }
    this.transactionalPublisher = b.transactionalPublisher;
    this.meterRegistry = b.meterRegistry;
    this.openTelemetry = b.openTelemetry;
    this.serializer = b.serializer;

    Map<String, Object> producer = ClientProperties.derive(consumer, ProducerConfig.configNames(),
        consumer.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-dlq");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) b.deadLetterTimeout.toMillis());
    producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) b.deadLetterTimeout.toMillis());
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, b.deadLetterTimeout.toMillis());
    producer.putAll(b.deadLetterProducerProperties);
    this.deadLetterProducerProperties = Map.copyOf(producer);
    SafeDefaults.warnIfWeakened("EventConsumerConfig consumer", consumerProperties);
    SafeDefaults.warnIfWeakened("EventConsumerConfig dead-letter producer", deadLetterProducerProperties);
  }

  /** A builder for consumer group {@code groupId}. */
  public static Builder builder(String groupId) {
    return new Builder().groupId(groupId);
  }

  /**
   * A builder filled from properties (see the class comment); add the dispatcher or handlers
   * and build.
   *
   * @throws IllegalArgumentException if a value does not parse or a {@code moonx.events.} key is unknown
   */
  public static Builder fromProperties(Properties properties) {
    SettingsReader r = SettingsReader.of(properties);
    Builder b = new Builder();
    read(r, b);
    r.rejectUnknown("EventConsumerConfig", SettingsReader.keysReadBy(EventPublisherConfig::readSettings));
    r.kafkaProperties().forEach(b::property);
    return b;
  }

  /** Reads this config's own settings; {@link SettingsReader#keysReadBy} lists them from here. */
  static void readSettings(SettingsReader r) {
    read(r, new Builder());
  }

  private static void read(SettingsReader r, Builder b) {
    b.topics(r.list("topics"));
    r.integer("concurrency").ifPresent(b::concurrency);
    r.string("dlq.topic").ifPresent(b::deadLetterTopic);
    r.string("unknown.type.policy").ifPresent(v -> b.unknownTypePolicy(parse(UnknownTypePolicy.class, "unknown.type.policy", v)));
    r.string("commit.mode").ifPresent(v -> b.commitMode(parse(CommitMode.class, "commit.mode", v)));
    r.bool("validation.enabled").ifPresent(b::enableValidation);
    r.millis("poll.timeout.ms").ifPresent(b::pollTimeout);
    r.millis("dlq.timeout.ms").ifPresent(b::deadLetterTimeout);
    RetryPolicy.Builder retry = RetryPolicy.builder();
    r.integer("retry.max.attempts").ifPresent(retry::maxAttempts);
    r.millis("retry.initial.delay.ms").ifPresent(retry::initialDelay);
    r.millis("retry.max.delay.ms").ifPresent(retry::maxDelay);
    b.retryPolicy(retry.build());
  }

  /** A builder filled from environment variables ({@code MOONX_EVENTS_TOPICS}, {@code KAFKA_GROUP_ID}…). */
  public static Builder fromEnv(Map<String, String> env) {
    return fromProperties(SettingsReader.fromEnv(
        env, "EventConsumerConfig", ConsumerConfig.configNames(), ProducerConfig.configNames()));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SettingsReader.PREFIX + key + " must be one of "
          + List.of(type.getEnumConstants()) + " (any case), got \"" + value + "\"", e);
    }
  }

  private static String required(Object value, String name) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("EventConsumerConfig: " + name + " is required");
    }
    return value.toString();
  }

  /** The consumer group. */
  public String groupId() {
    return groupId;
  }

  /** The topics subscribed to. */
  public List<String> topics() {
    return topics;
  }

  /** Consumer threads, each with its own {@code KafkaConsumer}. */
  public int concurrency() {
    return concurrency;
  }

  /** Routes decoded events to handlers; its registry decides which types are decoded at all. */
  public EventDispatcher dispatcher() {
    return dispatcher;
  }

  /** A record some filter rejects is skipped (counted, committed). */
  public List<EventFilter> filters() {
    return filters;
  }

  /** Applied in order after the filters, before the handler. */
  public List<EventTransformer> transformers() {
    return transformers;
  }

  /** How failed handlers are retried. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The dead-letter topic of a record consumed from {@code topic}: the configured one, else {@code <topic>.dlq}. */
  public String deadLetterTopic(String topic) {
    return deadLetterTopic != null ? deadLetterTopic : topic + ".dlq";
  }

  /** What happens to event types the dispatcher does not handle. */
  public UnknownTypePolicy unknownTypePolicy() {
    return unknownTypePolicy;
  }

  /** When offsets are committed. */
  public CommitMode commitMode() {
    return commitMode;
  }

  /** Whether decoded events are validated (an invalid one is dead-lettered). */
  public boolean validationEnabled() {
    return validationEnabled;
  }

  /** The longest one poll waits for records. */
  public Duration pollTimeout() {
    return pollTimeout;
  }

  /** The longest a dead-letter write may take before it counts as failed. */
  public Duration deadLetterTimeout() {
    return deadLetterTimeout;
  }

  /**
   * The longest one handler call may run before it counts as a failed attempt (a
   * {@link java.util.concurrent.TimeoutException}) and is interrupted; below
   * {@code max.poll.interval.ms}, so a hung handler cannot get its consumer evicted.
   */
  public Duration handlerTimeout() {
    return handlerTimeout;
  }

  /** The transactional publisher whose transactions each record's offset commits in, or null. */
  public KafkaEventPublisher transactionalPublisher() {
    return transactionalPublisher;
  }

  /** The registry consume metrics go to, or null for none. */
  public MeterRegistry meterRegistry() {
    return meterRegistry;
  }

  /** The {@code OpenTelemetry} for traces, or null (typed Object: this class loads without OpenTelemetry). */
  public Object openTelemetry() {
    return openTelemetry;
  }

  /** Reads the envelopes. */
  public EventSerializer serializer() {
    return serializer;
  }

  /** The kafka-clients consumer properties (deserializers excluded: keys and values are bytes). */
  public Map<String, Object> consumerProperties() {
    return consumerProperties;
  }

  /** The dead-letter producer's properties (idempotent, {@code acks=all}). */
  public Map<String, Object> deadLetterProducerProperties() {
    return deadLetterProducerProperties;
  }

  /** Builds an {@link EventConsumerConfig}. */
  public static final class Builder {
    private String groupId;
    private String bootstrapServers;
    private final List<String> topics = new ArrayList<>();
    private int concurrency = 1;
    private EventDispatcher dispatcher;
    private final Map<String, HandlerDispatcher.Registration<?>> handlers = new LinkedHashMap<>();
    private final List<EventFilter> filters = new ArrayList<>();
    private final List<EventTransformer> transformers = new ArrayList<>();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String deadLetterTopic;
    private UnknownTypePolicy unknownTypePolicy = UnknownTypePolicy.SKIP;
    private CommitMode commitMode = CommitMode.AFTER_EACH_BATCH;
    private boolean validationEnabled = true;
    private Duration pollTimeout = Duration.ofMillis(500);
    private Duration deadLetterTimeout = Duration.ofSeconds(30);
    private Duration handlerTimeout;
    private KafkaEventPublisher transactionalPublisher;
    private MeterRegistry meterRegistry;
    private Object openTelemetry;
    private EventSerializer serializer = JsonEventSerializer.shared();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, Object> deadLetterProducerProperties = new LinkedHashMap<>();

    private Builder() {}

    /** The consumer group (required here or as property {@code group.id}). */
    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /** Kafka's {@code bootstrap.servers} (required here or as a property). */
    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
      return this;
    }

    /** Adds topics to subscribe to (at least one required). */
    public Builder topics(String... topics) {
      return topics(List.of(topics));
    }

    /** Adds topics to subscribe to. */
    public Builder topics(List<String> topics) {
      topics.forEach(t -> this.topics.add(Objects.requireNonNull(t, "topic")));
      return this;
    }

    /** Consumer threads (default 1); more than the partition count leaves some idle. */
    public Builder concurrency(int threads) {
      this.concurrency = threads;
      return this;
    }

    /** The (generated) dispatcher; handlers registered here take precedence for their types. */
    public Builder dispatcher(EventDispatcher dispatcher) {
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
      return this;
    }

    /**
     * Handles events of {@code descriptor}'s type with {@code handler}, for hand-written
     * consumers; combinable with a dispatcher.
     *
     * @throws IllegalStateException if a handler for this event type is already registered
     */
    public <T> Builder handler(EventDescriptor<T> descriptor, EventHandler<T> handler) {
      HandlerDispatcher.Registration<T> registration = new HandlerDispatcher.Registration<>(descriptor, handler);
      if (handlers.putIfAbsent(descriptor.name(), registration) != null) {
        throw new IllegalStateException("a handler for \"" + descriptor.name() + "\" is already registered");
      }
      return this;
    }

    /** Adds a filter; a record is handled only if every filter accepts it. */
    public Builder filter(EventFilter filter) {
      filters.add(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** Adds a transformer, applied in the order added. */
    public Builder transformer(EventTransformer transformer) {
      transformers.add(Objects.requireNonNull(transformer, "transformer"));
      return this;
    }

    /**
     * How failed handlers are retried (default {@link RetryPolicy#defaults()}). Delays below
     * {@code fetch.max.wait.ms} are lower bounds only; see {@link RetryPolicy}.
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** One dead-letter topic for every subscribed topic (default: {@code <topic>.dlq} per topic). */
    public Builder deadLetterTopic(String topic) {
      this.deadLetterTopic = topic;
      return this;
    }

    /** What to do with unhandled event types (default {@link UnknownTypePolicy#SKIP}). */
    public Builder unknownTypePolicy(UnknownTypePolicy policy) {
      this.unknownTypePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** When offsets are committed (default {@link CommitMode#AFTER_EACH_BATCH}). */
    public Builder commitMode(CommitMode mode) {
      this.commitMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Validate decoded events (default true). */
    public Builder enableValidation(boolean enabled) {
      this.validationEnabled = enabled;
      return this;
    }

    /** The longest one poll waits (default 500 ms; also bounds how fast {@code close} is noticed). */
    public Builder pollTimeout(Duration timeout) {
      this.pollTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The longest a dead-letter write may take (default 30 s; keep it under {@code max.poll.interval.ms}). */
    public Builder deadLetterTimeout(Duration timeout) {
      this.deadLetterTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The longest one handler call may run (default: half of {@code max.poll.interval.ms}, so
     * 150 s with Kafka's defaults). A call that overruns is interrupted and counts as a failed
     * attempt, retried or dead-lettered per the {@link RetryPolicy}: a handler that hangs cannot
     * hold its partition, nor get its consumer evicted from the group, forever.
     */
    public Builder handlerTimeout(Duration timeout) {
      this.handlerTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Exactly once for handlers that publish: each record is handled inside a transaction of
     * {@code publisher} (built with {@link EventPublisherConfig.Builder#transactionalId}); what
     * the handler publishes through it on its own thread and the record's offset are committed
     * together ({@code sendOffsetsToTransaction}), or aborted together if the handler fails (the
     * record is then retried or dead-lettered as usual, its outputs discarded). The consumer
     * reads with {@code isolation.level=read_committed} unless told otherwise; readers of the
     * output topic must too. Transactions of one publisher run one at a time: give each
     * consumer thread's worth of throughput its own publisher if that matters.
     *
     * @throws IllegalArgumentException if the publisher has no transactional id
     */
    public Builder exactlyOnce(KafkaEventPublisher publisher) {
      if (Objects.requireNonNull(publisher, "publisher").config().transactionalId() == null) {
        throw new IllegalArgumentException("exactlyOnce needs a publisher built with a transactionalId");
      }
      this.transactionalPublisher = publisher;
      return this;
    }

    /** The Micrometer registry metrics go to (default: none); meter names are in the package documentation. */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Traces handled events (consumer spans continuing traceparent); default GlobalOpenTelemetry if present. */
    public Builder openTelemetry(io.opentelemetry.api.OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /** How envelopes are read (default {@link JsonEventSerializer#shared()}). */
    public Builder serializer(EventSerializer serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
      return this;
    }

    /** Any kafka-clients consumer property, passed through untouched. */
    public Builder property(String key, Object value) {
      properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** A producer property for the dead-letter producer only, e.g. {@code compression.type}. */
    public Builder deadLetterProducerProperty(String key, Object value) {
      deadLetterProducerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The config.
     *
     * @throws IllegalArgumentException if the group, bootstrap servers or topics are missing, a
     *     value is out of range, or {@code enable.auto.commit=true} is set
     * @throws IllegalStateException if neither a dispatcher nor a handler is given, or they
     *     declare the same event twice
     */
    public EventConsumerConfig build() {
      return new EventConsumerConfig(this);
    }
  }

  /**
   * When the consumer container commits offsets. Either way an offset is committed only once its
   * record was handled, skipped or dead-lettered (at-least-once), and Kafka's own
   * {@code enable.auto.commit} stays off.
   */
  public enum CommitMode {
    /** One synchronous commit per record: the fewest redeliveries after a crash, the most commits. */
    AFTER_EACH_RECORD,
    /** One synchronous commit per poll, covering every record of it that is done (the default). */
    AFTER_EACH_BATCH
  }

  /**
   * What a consumer does with a record whose event type it does not handle. Such records are
   * recognised by their {@link EventHeaders#EVENT_TYPE} header (or, without one, by reading
   * only the envelope's metadata): their data is never decoded.
   */
  public enum UnknownTypePolicy {
    /** Skip it, count it ({@code moonx.events.skipped}, reason {@code unhandled}) and commit: right for shared topics. */
    SKIP,
    /** Copy it to the dead-letter topic and commit: right for topics that carry only this service's events. */
    DEAD_LETTER
  }
}
