package farm.moonx.events.kafka.internal;

import farm.moonx.events.internal.Redaction;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.spi.EventHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes failed records to their dead-letter topic and waits for the broker's acknowledgement,
 * so the caller commits the original offset only once the copy is safe.
 *
 * <p>Bounded paths: a copy the broker refuses as too large is written again without its value
 * (headers, key and {@link EventHeaders#DLQ_PAYLOAD_OMITTED} kept: the original stays at its
 * offset); a write that timed out is not sent a second time while the first may still land
 * (the next try waits for that one); a broker refusal that cannot pass by waiting
 * (authorization, invalid topic…) throws {@link Unwritable} and marks the topic unwritable for
 * the health check until a write to it succeeds.
 */
public final class DeadLetterWriter {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);

  private final Supplier<Producer<byte[], byte[]>> producers;
  /** Created at the first dead letter; null until then. */
  private Producer<byte[], byte[]> producer;
  private boolean closed;
  private final EventConsumerConfig config;
  private final Clock clock;
  private final Map<TopicPartition, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, String> unwritable = new ConcurrentHashMap<>();

  private record Pending(long offset, Future<RecordMetadata> write) {}

  /** A write the broker refused for a reason waiting alone will not fix. */
  public static final class Unwritable extends KafkaException {
    private static final long serialVersionUID = 1L;

    Unwritable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A writer, shared by all workers, sending through the producer (idempotent, {@code acks=all})
   * that {@code producers} creates at the first dead letter: most containers never write one,
   * and an idle producer costs a thread, connections and a producer id on the broker.
   */
  public DeadLetterWriter(Supplier<Producer<byte[], byte[]>> producers, EventConsumerConfig config, Clock clock) {
    this.producers = producers;
    this.config = config;
    this.clock = clock;
  }

  /** A writer sending through {@code producer}, which it closes with itself. */
  public DeadLetterWriter(Producer<byte[], byte[]> producer, EventConsumerConfig config, Clock clock) {
    this(() -> producer, config, clock);
    this.producer = producer;
  }

  /**
   * The producer, created on first use. One that cannot be created (its config was checked when
   * the container was created, so this is rare) fails like a refusing topic: {@link Unwritable}
   * with the reason, the topic reported by {@link #unwritable()}, and the next dead letter tries
   * again.
   */
  private synchronized Producer<byte[], byte[]> producer(String topic) {
    if (closed) {
      throw new IllegalStateException("the container is closed");
    }
    if (producer == null) {
      try {
        producer = producers.get();
      } catch (KafkaException e) {
        String reason = "the dead-letter producer cannot be created: " + e.getMessage();
        unwritable.put(topic, reason);
        throw new Unwritable("dead-letter topic " + topic + " is unwritable: " + reason, e);
      }
    }
    return producer;
  }

  /**
   * Copies {@code record} with {@code dlq.*} headers describing {@code error} and returns the
   * dead-letter topic once the broker acknowledged the copy.
   *
   * @throws Unwritable if the broker refuses the topic for good (the topic is then reported by
   *     {@link #unwritable()})
   * @throws KafkaException if the copy could not be written within the dead-letter timeout
   */
  public String write(ConsumerRecord<byte[], byte[]> record, Throwable error, int attempts) {
    String topic = config.deadLetterTopic(record.topic());
    TopicPartition source = new TopicPartition(record.topic(), record.partition());
    DeadLetterRecord.Origin origin = new DeadLetterRecord.Origin(record.topic(), record.partition(), record.offset(),
        record.timestamp(), config.groupId());
    Pending inFlight = pending.remove(source);
    Future<RecordMetadata> write = inFlight != null && inFlight.offset() == record.offset() ? inFlight.write() : null;
    try {
      if (write == null) {
        ProducerRecord<byte[], byte[]> copy = DeadLetterRecord.of(topic, record.key(), record.value(),
            record.headers(), error, origin, attempts, clock.millis());
        withholdMessageIfSensitive(record, copy);
        write = producer(topic).send(copy);
      }
      try {
        await(write, source, record.offset(), topic);
      } catch (RecordTooLargeException | RecordBatchTooLargeException e) {
        log.warn("dead letter of {}@{} too large for {} ({} bytes of value); writing it without the value",
            source, record.offset(), topic, record.value() == null ? 0 : record.value().length);
        ProducerRecord<byte[], byte[]> pointer = DeadLetterRecord.of(topic, record.key(), null, record.headers(),
            error, origin, attempts, clock.millis());
        EventRecords.put(pointer.headers(), EventHeaders.DLQ_PAYLOAD_OMITTED,
            Integer.toString(record.value() == null ? 0 : record.value().length));
        withholdMessageIfSensitive(record, pointer);
        await(producer(topic).send(pointer), source, record.offset(), topic);
      }
      unwritable.remove(topic);
      return topic;
    } catch (ApiException e) {
      if (e instanceof RetriableException) {
        throw new KafkaException("dead-letter write to " + topic + " failed", e);
      }
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      unwritable.put(topic, reason);
      throw new Unwritable("dead-letter topic " + topic + " refuses writes: " + reason, e);
    } catch (KafkaException e) { // Unwritable included
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

  /** Waits for {@code write}; a write still in flight after the timeout is kept for the next try. */
  private void await(Future<RecordMetadata> write, TopicPartition source, long offset, String topic) {
    try {
      write.get(config.deadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KafkaException kafka) {
        throw kafka;
      }
      throw new KafkaException("dead-letter write to " + topic + " failed", e.getCause());
    } catch (TimeoutException e) {
      pending.put(source, new Pending(offset, write)); // sending again now could write it twice
      throw new KafkaException("dead-letter write to " + topic + " timed out after "
          + config.deadLetterTimeout().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending.put(source, new Pending(offset, write));
      throw new KafkaException("interrupted while writing to " + topic, e);
    }
  }

  /** Dead-letter topics whose last write was refused for good, with the reason; empty when all is well. */
  public Map<String, String> unwritable() {
    return new TreeMap<>(unwritable);
  }

  /** Closes the producer if one was created, waiting at most {@code timeout} for pending writes. */
  public void close(Duration timeout) {
    Producer<byte[], byte[]> created;
    synchronized (this) {
      closed = true;
      created = producer;
    }
    if (created != null) {
      created.close(timeout);
    }
  }
}
