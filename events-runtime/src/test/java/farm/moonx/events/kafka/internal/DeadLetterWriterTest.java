package farm.moonx.events.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 9: a dead-letter write that timed out is waited for, never sent a second time.
 * Issue 11: the producer is created at the first dead letter, once.
 */
class DeadLetterWriterTest {
  private static final IllegalStateException POISON = new IllegalStateException("poison");

  private static EventConsumerConfig config() {
    return EventConsumerConfig.builder("billing").bootstrapServers("unused:9092").topics("orders")
        .deadLetterTimeout(Duration.ofMillis(100)).retryPolicy(RetryPolicy.noRetry())
        .handler(farm.moonx.events.TestEvents.PAYMENT_PROCESSED, (e, d) -> { }).build();
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset) {
    return new ConsumerRecord<>("orders", 0, offset, 0L, TimestampType.CREATE_TIME,
        0, 4, null, "body".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
  }

  /** A writer whose producer is {@code producer}, counting in {@code created} how often it was asked for. */
  private static DeadLetterWriter countingCreations(AtomicInteger created, MockProducer<byte[], byte[]> producer) {
    return new DeadLetterWriter(() -> {
      created.incrementAndGet();
      return producer;
    }, config(), Clock.systemUTC());
  }

  @Test
  void theProducerIsCreatedAtTheFirstDeadLetterAndOnlyOnce() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    AtomicInteger created = new AtomicInteger();
    DeadLetterWriter writer = countingCreations(created, producer);

    assertThat(created).hasValue(0);
    assertThat(writer.write(record(1), POISON, 1)).isEqualTo("orders.dlq");
    assertThat(writer.write(record(2), POISON, 1)).isEqualTo("orders.dlq");
    assertThat(created).hasValue(1);
    assertThat(producer.history()).hasSize(2);

    writer.close(Duration.ZERO);
    assertThat(producer.closed()).isTrue();
    assertThatThrownBy(() -> writer.write(record(3), POISON, 1)).isInstanceOf(KafkaException.class)
        .hasMessageContaining("failed").hasRootCauseMessage("the container is closed");
    assertThat(created).hasValue(1);
  }

  @Test
  void aWriterThatNeverDeadLetteredClosesWithoutCreatingAProducer() {
    AtomicInteger created = new AtomicInteger();
    DeadLetterWriter writer =
        countingCreations(created, new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()));

    writer.close(Duration.ZERO);

    assertThat(created).hasValue(0);
  }

  @Test
  void aProducerThatCannotBeCreatedMakesTheTopicUnwritableAndIsTriedAgain() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    AtomicInteger tries = new AtomicInteger();
    DeadLetterWriter writer = new DeadLetterWriter(() -> {
      if (tries.incrementAndGet() == 1) {
        throw new KafkaException("Failed to construct kafka producer");
      }
      return producer;
    }, config(), Clock.systemUTC());

    assertThatThrownBy(() -> writer.write(record(1), POISON, 1)).isInstanceOf(DeadLetterWriter.Unwritable.class)
        .hasMessageContaining("orders.dlq").hasMessageContaining("Failed to construct kafka producer");
    assertThat(writer.unwritable()).containsOnlyKeys("orders.dlq");
    assertThat(writer.unwritable().get("orders.dlq")).contains("the dead-letter producer cannot be created");

    assertThat(writer.write(record(1), POISON, 1)).isEqualTo("orders.dlq");
    assertThat(writer.unwritable()).isEmpty();
    assertThat(tries).hasValue(2);
  }

  @Test
  void aTimedOutWriteIsNotSentAgainWhileItMayStillLand() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()); // acks on demand
    DeadLetterWriter writer = new DeadLetterWriter(producer, config(), Clock.systemUTC());
    ConsumerRecord<byte[], byte[]> record = record(7);
    IllegalStateException error = POISON;

    assertThatThrownBy(() -> writer.write(record, error, 1)).isInstanceOf(KafkaException.class).hasMessageContaining("timed out");
    assertThatThrownBy(() -> writer.write(record, error, 1)).isInstanceOf(KafkaException.class).hasMessageContaining("timed out");
    assertThat(producer.history()).hasSize(1); // the second try waited for the first write

    producer.completeNext(); // the broker acknowledges the first write after all
    assertThat(writer.write(record, error, 1)).isEqualTo("orders.dlq");
    assertThat(producer.history()).hasSize(1);
  }
}
