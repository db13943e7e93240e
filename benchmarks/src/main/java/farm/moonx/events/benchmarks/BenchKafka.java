package farm.moonx.events.benchmarks;

import farm.moonx.events.EventEnvelope;
import farm.moonx.events.benchmarks.model.BenchEvents;
import farm.moonx.events.benchmarks.model.PaymentProcessed;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.JsonEventSerializer;
import farm.moonx.events.testkit.EmbeddedKafka;
import farm.moonx.events.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker the Kafka benchmarks use (the embedded one, or {@code KAFKA_BOOTSTRAP_SERVERS}),
 * and the typed and raw producers they compare, built from the same producer properties.
 */
final class BenchKafka implements AutoCloseable {
  private final EmbeddedKafka embedded;
  private final KafkaCluster cluster;

  private BenchKafka(EmbeddedKafka embedded, KafkaCluster cluster) {
    this.embedded = embedded;
    this.cluster = cluster;
  }

  /** Starts the embedded broker unless {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster. */
  static BenchKafka start() {
    String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (external != null && !external.isBlank()) {
      return new BenchKafka(null, KafkaCluster.external(external));
    }
    EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
    return new BenchKafka(kafka, kafka);
  }

  KafkaCluster cluster() {
    return cluster;
  }

  /** A typed publisher with the library's defaults (idempotent, acks=all, no linger), sending to {@code topic}. */
  KafkaEventPublisher typedPublisher(String topic) {
    return KafkaEventPublisher.create(EventPublisherConfig.builder("payments")
        .bootstrapServers(cluster.bootstrapServers())
        .mainTopic(topic)
        .build());
  }

  /** A plain producer with exactly the typed publisher's producer properties. */
  static KafkaProducer<String, byte[]> rawProducer(KafkaEventPublisher like) {
    Map<String, Object> properties = new HashMap<>(like.config().producerProperties());
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "raw-producer");
    return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
  }

  /** The envelope of {@code payment}, serialized once, as the raw producers send it. */
  static byte[] envelopeBytes() {
    EventEnvelope<PaymentProcessed> envelope = Payloads.envelope();
    return JsonEventSerializer.shared().serialize(envelope, BenchEvents.PAYMENT_PROCESSED);
  }

  /** The routing headers the typed publisher writes, so both put the same bytes on the wire. */
  static Headers routingHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.EVENT_TYPE, bytes("payment.processed"));
    headers.add(EventHeaders.EVENT_ID, bytes(Payloads.EVENT_ID));
    headers.add(EventHeaders.EVENT_VERSION, bytes("1.0"));
    headers.add(EventHeaders.CORRELATION_ID, bytes(Payloads.CORRELATION_ID));
    headers.setReadOnly();
    return headers;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
