package farm.moonx.events.examples;

import farm.moonx.events.examples.shop.ShopEvents;
import farm.moonx.events.spi.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The record a legacy checkout writes by hand, without the library: an {@code order.completed}
 * whose {@code total} is formatted for people ({@code "12,50"}), not as a decimal number. It is
 * sent on purpose with a plain {@link KafkaProducer} so the demo can show the consumer putting
 * it aside on the dead-letter topic, with the reason, while every other event flows on.
 */
final class PoisonRecord {
  /** The key, so it is easy to spot on the dead-letter topic. */
  static final String KEY = "u-legacy-checkout";

  private PoisonRecord() {}

  /** Where the poison record was written. */
  record Sent(String topic, int partition, long offset, byte[] value) {}

  /**
   * A record read back from the dead-letter topic.
   *
   * @param partition its partition there
   * @param offset its offset there
   * @param key its key
   * @param value its value, the original bytes
   * @param headers its headers by name (the last value of each), as text
   */
  record DeadLetter(int partition, long offset, String key, byte[] value, Map<String, String> headers) {
    /** A header, or {@code "?"} if missing. */
    String header(String name) {
      return headers.getOrDefault(name, "?");
    }
  }

  /** Sends the poison record to {@code topic} and waits for the broker's acknowledgement. */
  static Sent send(Map<String, Object> clientConfig, String topic, Duration timeout) throws Exception {
    long now = System.currentTimeMillis();
    String json = "{\"metadata\":{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\""
        + ShopEvents.ORDER_COMPLETED.name() + "\",\"eventVersion\":\"1.0\",\"correlationId\":\""
        + UUID.randomUUID() + "\",\"timestamp\":" + now + ",\"source\":\"legacy-checkout\"},"
        + "\"data\":{\"orderId\":\"ord-legacy-1\",\"userId\":\"" + KEY + "\",\"paymentId\":\"pay-legacy-1\","
        + "\"lines\":[],\"total\":\"12,50\",\"completedAt\":" + now + "}}";
    byte[] value = json.getBytes(StandardCharsets.UTF_8);
    Map<String, Object> config = new LinkedHashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, KEY, value);
      // The routing header a well-behaved publisher writes; the body is what is wrong.
      record.headers().add(EventHeaders.EVENT_TYPE, ShopEvents.ORDER_COMPLETED.name().getBytes(StandardCharsets.UTF_8));
      RecordMetadata written = producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Sent(written.topic(), written.partition(), written.offset(), value);
    }
  }

  /**
   * Reads every record of the single-partition topic {@code deadLetterTopic} from its start:
   * until at least {@code expected} were read and a poll brings nothing more (so unexpected
   * extra records show up too), or until {@code timeout} passed.
   */
  static List<DeadLetter> readDeadLetters(
      Map<String, Object> clientConfig, String deadLetterTopic, int expected, Duration timeout) {
    List<DeadLetter> found = new ArrayList<>();
    TopicPartition partition = new TopicPartition(deadLetterTopic, 0);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(clientConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(300));
        if (records.isEmpty() && found.size() >= expected) {
          break;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          Map<String, String> headers = new LinkedHashMap<>();
          for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
          }
          String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
          found.add(new DeadLetter(record.partition(), record.offset(), key, record.value(), headers));
        }
      }
    }
    return found;
  }
}
