package farm.moonx.events.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Issue 10, item 9: a dead-letter write that timed out is waited for, never sent a second time. */
class DeadLetterWriterTest {
  @Test
  void aTimedOutWriteIsNotSentAgainWhileItMayStillLand() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()); // acks on demand
    EventConsumerConfig config = EventConsumerConfig.builder("billing").bootstrapServers("unused:9092").topics("orders")
        .deadLetterTimeout(Duration.ofMillis(100)).retryPolicy(RetryPolicy.noRetry())
        .handler(farm.moonx.events.TestEvents.PAYMENT_PROCESSED, (e, d) -> { }).build();
    DeadLetterWriter writer = new DeadLetterWriter(producer, config, Clock.systemUTC());
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("orders", 0, 7, 0L, TimestampType.CREATE_TIME,
        0, 4, null, "body".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
    IllegalStateException error = new IllegalStateException("poison");

    assertThatThrownBy(() -> writer.write(record, error, 1)).isInstanceOf(KafkaException.class).hasMessageContaining("timed out");
    assertThatThrownBy(() -> writer.write(record, error, 1)).isInstanceOf(KafkaException.class).hasMessageContaining("timed out");
    assertThat(producer.history()).hasSize(1); // the second try waited for the first write

    producer.completeNext(); // the broker acknowledges the first write after all
    assertThat(writer.write(record, error, 1)).isEqualTo("orders.dlq");
    assertThat(producer.history()).hasSize(1);
  }
}
