package farm.moonx.events.kafka.internal;

import farm.moonx.events.DataClassificationStrategy;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.PartitionStrategy;
import farm.moonx.events.kafka.EventPublisherConfig;
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
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Every setting of an {@link EventPublisherConfig}, written once: its builder fills one of these,
 * {@link #resolve()} checks it and derives the producer properties, and the config reads the
 * result. Fields are public for the builder and the config only; their defaults are the
 * documented ones.
 */
public final class PublisherSettings extends ClientSettings<PublisherSettings> {
  public String serviceName;
  public String bootstrapServers;
  public String mainTopic;
  public String deadLetterTopic;
  public boolean validationEnabled = true;
  public boolean batchingEnabled;
  public Integer batchBytes;
  public Duration batchTimeout = Duration.ofMillis(5);
  public boolean retryEnabled = true;
  public boolean cloudEventsHeaders;
  public Duration healthTimeout = Duration.ofSeconds(5);
  public List<UnaryOperator<EventEnvelope<?>>> transformers = new ArrayList<>();
  public List<Predicate<EventEnvelope<?>>> filters = new ArrayList<>();
  public MeterRegistry meterRegistry;
  public Object openTelemetry;
  public PartitionStrategy partitionStrategy = PartitionStrategy.defaultStrategy();
  public DataClassificationStrategy classificationStrategy = DataClassificationStrategy.defaultStrategy();
  public EventRegistry registry;
  public EventSerializer serializer = JsonEventSerializer.shared();
  public String transactionalId;
  /** {@code property(k, v)}: applied after every typed setting, so a property wins. */
  public Map<String, Object> properties = new LinkedHashMap<>();
  /** Derived by {@link #resolve()}: what the producer is created with. */
  public Map<String, Object> producerProperties;

  /**
   * The {@code moonx.events.} keys of the publisher, one line each (the class comment of
   * {@link EventPublisherConfig} lists them for users).
   */
  public static void read(SettingsReader r, EventPublisherConfig.Builder b) {
    r.string("service.name").ifPresent(b::serviceName);
    r.string("topic.main").ifPresent(b::mainTopic);
    r.string("topic.dlq").ifPresent(b::deadLetterTopic);
    r.bool("validation.enabled").ifPresent(b::enableValidation);
    r.bool("batching.enabled").ifPresent(b::enableBatching);
    r.integer("batch.bytes").ifPresent(b::batchBytes);
    r.millis("batch.timeout.ms").ifPresent(b::batchTimeout);
    r.bool("retry.enabled").ifPresent(b::enableRetry);
    r.integer("retry.attempts").ifPresent(n -> b.property("retries", n));
    r.millis("delivery.timeout.ms").ifPresent(t -> b.property("delivery.timeout.ms", (int) t.toMillis()));
    r.bool("cloudevents.enabled").ifPresent(b::cloudEventsHeaders);
    r.millis("health.timeout.ms").ifPresent(b::healthTimeout);
    // The TypeScript services' metadata has no service version either; OpenTelemetry's
    // resource attribute service.version is where one belongs. Known, so a shared environment is accepted.
    r.ignore("service.version", null);
    // batchSize: 100 counts events in the TypeScript config; as Kafka's batch.size (bytes) it
    // would make every batch one event. Never read as bytes; said out loud instead.
    r.ignore("batch.size", "in the TypeScript config it counts events, Kafka batches by bytes: "
        + "set moonx.events.batch.bytes (MOONX_EVENTS_BATCH_BYTES) for the producer's batch.size");
  }

  /** Only the keys, for the consumer's reader (one environment configures both). */
  public static void readKeys(SettingsReader r) {
    read(r, EventPublisherConfig.builder());
  }

  /**
   * A frozen copy with the producer properties derived.
   *
   * @throws IllegalArgumentException if the service name or the bootstrap servers are missing,
   *     or retry is disabled while idempotence is forced on
   */
  public PublisherSettings resolve() {
    if (serviceName == null || serviceName.isBlank()) {
      throw new IllegalArgumentException("EventPublisherConfig: serviceName is required");
    }
    PublisherSettings s = copy();
    s.transformers = List.copyOf(transformers);
    s.filters = List.copyOf(filters);
    s.properties = Map.copyOf(properties);
    s.producerProperties = Map.copyOf(s.deriveProducerProperties());
    SafeDefaults.warnIfWeakened("EventPublisherConfig producer", s.producerProperties);
    return s;
  }

  private Map<String, Object> deriveProducerProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-publisher");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, retryEnabled);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    p.put(ProducerConfig.LINGER_MS_CONFIG, batchingEnabled ? batchTimeout.toMillis() : 0L);
    if (batchingEnabled && batchBytes != null) {
      p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
    }
    if (!retryEnabled) {
      p.put(ProducerConfig.RETRIES_CONFIG, 0); // the idempotent producer needs retries: no retry, no idempotence
    }
    putIfSet(p, ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    putIfSet(p, ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.putAll(properties);
    p.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    p.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    Object servers = p.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    if (servers == null || servers.toString().isBlank()) {
      throw new IllegalArgumentException("EventPublisherConfig: bootstrapServers is required "
          + "(builder.bootstrapServers(…), property bootstrap.servers or env KAFKA_BOOTSTRAP_SERVERS)");
    }
    if (!retryEnabled && "true".equalsIgnoreCase(String.valueOf(p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))) {
      throw new IllegalArgumentException(
          "EventPublisherConfig: enable.idempotence=true needs retries; do not disable retry");
    }
    return p;
  }
}
