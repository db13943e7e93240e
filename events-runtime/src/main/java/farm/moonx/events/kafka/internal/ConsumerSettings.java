package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventHandler;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventConsumerConfig.CommitMode;
import farm.moonx.events.kafka.EventConsumerConfig.UnknownTypePolicy;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.spi.EventDispatcher;
import farm.moonx.events.spi.EventSerializer;
import farm.moonx.events.spi.JsonEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Every setting of an {@link EventConsumerConfig}, written once: its builder fills one of these,
 * {@link #resolve()} checks it and derives the client properties, and the config reads the
 * result. Fields are public for the builder and the config only; their defaults are the
 * documented ones.
 */
public final class ConsumerSettings extends ClientSettings<ConsumerSettings> {
  public String groupId;
  public String bootstrapServers;
  public List<String> topics = new ArrayList<>();
  public int concurrency = 1;
  public EventDispatcher dispatcher;
  private final Map<String, HandlerDispatcher.Registration<?>> handlers = new LinkedHashMap<>();
  public List<Predicate<EventEnvelope<?>>> filters = new ArrayList<>();
  public List<UnaryOperator<EventEnvelope<?>>> transformers = new ArrayList<>();
  public RetryPolicy retryPolicy = RetryPolicy.defaults();
  public String deadLetterTopic;
  public UnknownTypePolicy unknownTypePolicy = UnknownTypePolicy.SKIP;
  public CommitMode commitMode = CommitMode.AFTER_EACH_BATCH;
  public boolean validationEnabled = true;
  public Duration pollTimeout = Duration.ofMillis(500);
  public Duration deadLetterTimeout = Duration.ofSeconds(30);
  /** Null until {@link #resolve()}: then half of {@code max.poll.interval.ms} unless set. */
  public Duration handlerTimeout;
  public KafkaEventPublisher transactionalPublisher;
  public MeterRegistry meterRegistry;
  public Object openTelemetry;
  public EventSerializer serializer = JsonEventSerializer.shared();
  /** {@code property(k, v)}: applied after every typed setting, so a property wins. */
  public Map<String, Object> properties = new LinkedHashMap<>();
  /** Derived by {@link #resolve()}: what the consumer is created with. */
  public Map<String, Object> consumerProperties;
  /** Derived by {@link #resolve()}: what the dead-letter producer is created with. */
  public Map<String, Object> deadLetterProducerProperties;

  /**
   * The {@code moonx.events.} keys of the consumer, one line each (the class comment of
   * {@link EventConsumerConfig} lists them for users).
   */
  public static void read(SettingsReader r, EventConsumerConfig.Builder b) {
    b.topics(r.list("topics"));
    r.integer("concurrency").ifPresent(b::concurrency);
    r.string("dlq.topic").ifPresent(b::deadLetterTopic);
    r.choice("unknown.type.policy", UnknownTypePolicy.class).ifPresent(b::unknownTypePolicy);
    r.choice("commit.mode", CommitMode.class).ifPresent(b::commitMode);
    r.bool("validation.enabled").ifPresent(b::enableValidation);
    r.millis("poll.timeout.ms").ifPresent(b::pollTimeout);
    r.millis("dlq.timeout.ms").ifPresent(b::deadLetterTimeout);
    RetryPolicy.Builder retry = RetryPolicy.builder();
    r.integer("retry.max.attempts").ifPresent(retry::maxAttempts);
    r.millis("retry.initial.delay.ms").ifPresent(retry::initialDelay);
    r.millis("retry.max.delay.ms").ifPresent(retry::maxDelay);
    b.retryPolicy(retry.build());
  }

  /**
   * Registers {@code handler} for {@code descriptor}'s event type.
   *
   * @throws IllegalStateException if a handler for this event type is already registered
   */
  public <T> void addHandler(EventDescriptor<T> descriptor, EventHandler<T> handler) {
    if (handlers.putIfAbsent(descriptor.name(), new HandlerDispatcher.Registration<>(descriptor, handler)) != null) {
      throw new IllegalStateException("a handler for \"" + descriptor.name() + "\" is already registered");
    }
  }

  /** Only the keys, for the publisher's reader (one environment configures both). */
  public static void readKeys(SettingsReader r) {
    read(r, EventConsumerConfig.builder(null));
  }

  /**
   * A frozen copy with the client properties, the handler timeout and the dispatcher resolved.
   *
   * @throws IllegalArgumentException if the group, bootstrap servers or topics are missing, a
   *     value is out of range, or {@code enable.auto.commit=true} is set
   * @throws IllegalStateException if neither a dispatcher nor a handler is given, or they
   *     declare the same event twice
   */
  public ConsumerSettings resolve() {
    ConsumerSettings s = copy();
    s.consumerProperties = Map.copyOf(consumerProperties());
    s.groupId = (String) s.consumerProperties.get(ConsumerConfig.GROUP_ID_CONFIG);
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("EventConsumerConfig: at least one topic is required");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("EventConsumerConfig: concurrency must be at least 1, got " + concurrency);
    }
    if (dispatcher == null && handlers.isEmpty()) {
      throw new IllegalStateException("EventConsumerConfig: nothing handles events: set a dispatcher "
          + "(the generated one) or register handlers");
    }
    s.dispatcher = handlers.isEmpty() ? dispatcher : new HandlerDispatcher(handlers, dispatcher);
    s.topics = List.copyOf(topics);
    s.filters = List.copyOf(filters);
    s.transformers = List.copyOf(transformers);
    s.properties = Map.copyOf(properties);
    long maxPollInterval = Long.parseLong(String.valueOf(
        s.consumerProperties.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000)));
    s.handlerTimeout = handlerTimeout != null ? handlerTimeout : Duration.ofMillis(maxPollInterval / 2);
    if (s.handlerTimeout.isZero() || s.handlerTimeout.isNegative() || s.handlerTimeout.toMillis() >= maxPollInterval) {
      throw new IllegalArgumentException("EventConsumerConfig: handlerTimeout must be positive and below "
          + "max.poll.interval.ms (" + maxPollInterval + " ms), got " + s.handlerTimeout.toMillis() + " ms");
    }
    s.deadLetterProducerProperties = Map.copyOf(deadLetterProducerProperties(s.consumerProperties));
    SafeDefaults.warnIfWeakened("EventConsumerConfig consumer", s.consumerProperties);
    SafeDefaults.warnIfWeakened("EventConsumerConfig dead-letter producer", s.deadLetterProducerProperties);
    return s;
  }

  /** Our defaults, the typed settings, then the properties but producer-only ones (the dead-letter producer's). */
  private Map<String, Object> consumerProperties() {
    Map<String, Object> consumer = new LinkedHashMap<>();
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    putIfSet(consumer, ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    putIfSet(consumer, ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.forEach((key, value) -> {
      if (!producerOnly(key)) {
        consumer.put(key, value);
      }
    });
    required(consumer.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
        "bootstrapServers (or property bootstrap.servers, env KAFKA_BOOTSTRAP_SERVERS)");
    if ("true".equalsIgnoreCase(String.valueOf(consumer.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)))) {
      throw new IllegalArgumentException("EventConsumerConfig: enable.auto.commit=true is not supported: the "
          + "container commits each offset after its record is handled or dead-lettered (see CommitMode)");
    }
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    String group = required(consumer.get(ConsumerConfig.GROUP_ID_CONFIG), "groupId (or property group.id)");
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    consumer.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, group);
    consumer.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    consumer.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    return consumer;
  }

  /**
   * The consumer's connection settings, then our safe dead-letter defaults (bounded by
   * {@link #deadLetterTimeout}), then the producer-only properties, which win.
   */
  private Map<String, Object> deadLetterProducerProperties(Map<String, Object> consumer) {
    Map<String, Object> producer = ClientProperties.derive(consumer, ProducerConfig.configNames(),
        consumer.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-dlq");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deadLetterTimeout.toMillis());
    producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) deadLetterTimeout.toMillis());
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deadLetterTimeout.toMillis());
    properties.forEach((key, value) -> {
      if (producerOnly(key)) {
        producer.put(key, value);
      }
    });
    return producer;
  }

  /** A property the producer knows and the consumer does not ({@code compression.type}, {@code acks}…). */
  private static boolean producerOnly(String key) {
    return ProducerConfig.configNames().contains(key) && !ConsumerConfig.configNames().contains(key);
  }

  private static String required(Object value, String name) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("EventConsumerConfig: " + name + " is required");
    }
    return value.toString();
  }
}
