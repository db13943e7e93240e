package farm.moonx.events.kafka.internal;

import farm.moonx.events.internal.Redaction;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.spi.EventHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Writes failed records to their dead-letter topic and waits for the broker's acknowledgement,
 * so the caller commits the original offset only once the copy is safe.
 */
public final class DeadLetterWriter {
  private final Producer<byte[], byte[]> producer;
  private final EventConsumerConfig config;
  private final Clock clock;

  /** A writer sending through {@code producer} (idempotent, {@code acks=all}), shared by all workers. */
  public DeadLetterWriter(Producer<byte[], byte[]> producer, EventConsumerConfig config, Clock clock) {
    this.producer = producer;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Copies {@code record} with {@code dlq.*} headers describing {@code error} and returns the
   * dead-letter topic once the broker acknowledged the copy.
   *
   * @throws KafkaException if the copy could not be written within the dead-letter timeout
   */
  public String write(ConsumerRecord<byte[], byte[]> record, Throwable error, int attempts) {
    String topic = config.deadLetterTopic(record.topic());
    ProducerRecord<byte[], byte[]> copy = DeadLetterRecord.of(topic, record.key(), record.value(), record.headers(),
        error, new DeadLetterRecord.Origin(record.topic(), record.partition(), record.offset(), record.timestamp(),
            config.groupId()), attempts, clock.millis());
    withholdMessageIfSensitive(record, copy);
    try {
      producer.send(copy).get(config.deadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return topic;
    } catch (ExecutionException e) {
      throw new KafkaException("dead-letter write to " + topic + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("dead-letter write to " + topic + " timed out after "
          + config.deadLetterTimeout().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing to " + topic, e);
    } catch (KafkaException e) {
      throw e;
    } catch (RuntimeException e) {
      // e.g. IllegalStateException from a producer closed under a worker that outlived close()
      throw new KafkaException("dead-letter write to " + topic + " failed", e);
    }
  }

  /**
   * Replaces the error message by a notice for types whose values must not be shown: a handler's
   * or parser's message may quote a confidential event's data or a {@code @Sensitive} value.
   */
  private void withholdMessageIfSensitive(ConsumerRecord<byte[], byte[]> record, ProducerRecord<byte[], byte[]> copy) {
    String type = EventRecords.text(record.headers(), EventHeaders.EVENT_TYPE);
    boolean hides = type != null && config.dispatcher().registry().find(type).map(Redaction::hidesValues).orElse(false);
    if (hides) {
      EventRecords.put(copy.headers(), EventHeaders.DLQ_ERROR_MESSAGE, "(" + LogSafe.WITHHELD + ")");
    }
  }

  /** Closes the producer, waiting at most {@code timeout} for pending writes. */
  public void close(Duration timeout) {
    producer.close(timeout);
  }
}
