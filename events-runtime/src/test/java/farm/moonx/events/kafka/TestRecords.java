package farm.moonx.events.kafka;

import farm.moonx.events.EventDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Consumer records as the real publisher writes them (validation off, so invalid ones can be made too). */
final class TestRecords {
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final KafkaEventPublisher publisher = KafkaEventPublisher.create(EventPublisherConfig.builder("test-publisher")
      .bootstrapServers("unused:9092").enableValidation(false).build(), producer);

  /** The record the publisher writes for {@code data}, as consumed from {@code topic}-{@code partition}@{@code offset}. */
  <T> ConsumerRecord<byte[], byte[]> event(String topic, int partition, long offset, EventDescriptor<T> descriptor, T data) {
    publisher.publish(descriptor, data).join();
    ProducerRecord<String, byte[]> sent = producer.history().get(producer.history().size() - 1);
    byte[] key = sent.key() == null ? null : sent.key().getBytes(StandardCharsets.UTF_8);
    return raw(topic, partition, offset, key, sent.value(), sent.headers());
  }

  /** A record with exactly these parts. */
  static ConsumerRecord<byte[], byte[]> raw(String topic, int partition, long offset, byte[] key, byte[] value,
      Headers headers) {
    return new ConsumerRecord<>(topic, partition, offset, 1_732_700_000_000L + offset, TimestampType.CREATE_TIME,
        key == null ? -1 : key.length, value == null ? -1 : value.length, key, value,
        new RecordHeaders(headers.toArray()), Optional.empty());
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(Headers headers, String key) {
    return headers.lastHeader(key) == null ? null : new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
