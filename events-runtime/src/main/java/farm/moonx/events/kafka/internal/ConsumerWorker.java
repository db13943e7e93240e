package farm.moonx.events.kafka.internal;

import farm.moonx.events.kafka.EventConsumerConfig.CommitMode;
import farm.moonx.events.internal.EventMetrics;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.kafka.internal.RecordProcessor.Action;
import farm.moonx.events.kafka.internal.RecordProcessor.Outcome;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread's poll loop. Offsets are committed only for records that are done
 * (handled, skipped or dead-lettered). A record to retry, or whose dead-letter write failed,
 * makes the worker pause its partition, seek back to it and resume after a backoff while the
 * other partitions keep flowing; attempts are counted per partition and offset.
 */
public final class ConsumerWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);

  /** A record of a partition that failed: its offset, handler attempts, and a pending dead-letter. */
  private record Failure(long offset, int attempts, Outcome deadLetter, int deadLetterFailures) {}

  private final Consumer<byte[], byte[]> consumer;
  private final EventConsumerConfig config;
  private final RecordProcessor processor;
  private final DeadLetterWriter deadLetters;
  private final EventMetrics metrics;
  private final RetryPolicy retryPolicy;

  private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
  private final Map<TopicPartition, Failure> failures = new HashMap<>();
  private final Map<TopicPartition, Long> resumeAt = new HashMap<>();

  private volatile boolean stopping;
  private volatile boolean running;
  private volatile long lastPollMillis = -1;
  private volatile Set<TopicPartition> assignment = Set.of();
  private volatile Throwable fatal;

  /** A worker owning {@code consumer} (closed when the loop ends). */
  public ConsumerWorker(Consumer<byte[], byte[]> consumer, EventConsumerConfig config, RecordProcessor processor,
      DeadLetterWriter deadLetters) {
    this.consumer = consumer;
    this.config = config;
    this.processor = processor;
    this.deadLetters = deadLetters;
    this.metrics = EventMetrics.of(config.meterRegistry());
    this.retryPolicy = config.retryPolicy();
  }

  @Override
  public void run() {
    running = true;
    try (consumer) {
      consumer.subscribe(config.topics(), new Rebalance());
      try {
        while (!stopping) {
          resumeDue();
          ConsumerRecords<byte[], byte[]> records = consumer.poll(nextPollTimeout());
          lastPollMillis = System.currentTimeMillis();
          process(records);
          commit();
        }
      } catch (WakeupException e) {
        if (!stopping) {
          throw e;
        }
      }
      commit(); // what finished before the stop; closing the consumer then leaves the group
    } catch (RuntimeException | Error e) {
      fatal = e;
      log.error("consumer of group {} stopped on an unexpected error", config.groupId(), e);
    } finally {
      running = false;
    }
  }

  /** Asks the loop to stop after the record in progress; returns at once. */
  public void stop() {
    stopping = true;
    consumer.wakeup();
  }

  /** Whether the loop is running. */
  public boolean running() {
    return running;
  }

  /** When the loop last returned from {@code poll}, epoch millis, or -1 before the first poll. */
  public long lastPollMillis() {
    return lastPollMillis;
  }

  /** The partitions assigned at the last rebalance. */
  public Set<TopicPartition> assignment() {
    return assignment;
  }

  /** The error that ended the loop, or null. */
  public Throwable fatal() {
    return fatal;
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        if (stopping || !processOne(partition, record)) {
          break; // stopping: the rest is redelivered; rewound: the rest comes again after the backoff
        }
      }
    }
  }

  /** Returns false if the partition was rewound to this record. */
  private boolean processOne(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
    Failure failure = failures.get(partition);
    if (failure != null && failure.offset() != record.offset()) {
      failures.remove(partition);
      failure = null;
    }
    Outcome outcome = failure != null && failure.deadLetter() != null
        ? failure.deadLetter() // the handler already gave up on it; only the dead-letter write is left
        : processor.process(record, failure == null ? 1 : failure.attempts() + 1);
    if (outcome.action() == Action.DONE) {
      markDone(partition, record);
      return true;
    }
    if (outcome.action() == Action.RETRY) {
      failures.put(partition, new Failure(record.offset(), outcome.attempts(), null, 0));
      metrics.retried(processor.meterTag(outcome.eventType()));
      rewind(partition, record.offset(), retryPolicy.backoff(outcome.attempts(), ThreadLocalRandom.current()::nextDouble));
      return false;
    }
    try {
      String topic = deadLetters.write(record, outcome.error(), outcome.attempts());
      metrics.deadLettered(processor.meterTag(outcome.eventType()), outcome.error().getClass().getSimpleName());
      log.warn("dead-lettered record {}-{}@{} (type {}) to {} after {} attempt(s): {}", record.topic(),
          record.partition(), record.offset(), outcome.eventType(), topic, outcome.attempts(),
          outcome.error().getClass().getName());
      markDone(partition, record);
      return true;
    } catch (KafkaException e) {
      int dlqFailures = failure == null ? 1 : failure.deadLetterFailures() + 1;
      failures.put(partition, new Failure(record.offset(), outcome.attempts(), outcome, dlqFailures));
      Duration backoff = retryPolicy.backoff(dlqFailures, ThreadLocalRandom.current()::nextDouble);
      log.error("could not dead-letter record {}-{}@{}; not committing it, trying again in {} ms", record.topic(),
          record.partition(), record.offset(), backoff.toMillis(), e);
      rewind(partition, record.offset(), backoff);
      return false;
    }
  }

  private void markDone(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
    failures.remove(partition);
    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
    if (config.commitMode() == CommitMode.AFTER_EACH_RECORD) {
      commit();
    }
  }

  private void rewind(TopicPartition partition, long offset, Duration backoff) {
    consumer.pause(Set.of(partition));
    consumer.seek(partition, offset);
    resumeAt.put(partition, System.nanoTime() + backoff.toNanos());
  }

  private void resumeDue() {
    long now = System.nanoTime();
    for (Iterator<Map.Entry<TopicPartition, Long>> it = resumeAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<TopicPartition, Long> entry = it.next();
      if (entry.getValue() - now <= 0) {
        it.remove();
        if (consumer.assignment().contains(entry.getKey())) {
          consumer.resume(Set.of(entry.getKey()));
        }
      }
    }
  }

  /** The configured poll timeout, shortened so that a paused partition resumes on time. */
  private Duration nextPollTimeout() {
    long timeout = config.pollTimeout().toNanos();
    long now = System.nanoTime();
    for (long at : resumeAt.values()) {
      timeout = Math.min(timeout, Math.max(0, at - now));
    }
    return Duration.ofNanos(timeout);
  }

  private void commit() {
    commit(done);
  }

  /** Commits {@code offsets} synchronously and forgets them. */
  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> batch = new LinkedHashMap<>(offsets);
    try {
      try {
        consumer.commitSync(batch);
      } catch (WakeupException e) {
        if (!stopping) {
          throw e;
        }
        consumer.commitSync(batch); // the wake-up was for the stop, not for this commit
      }
      offsets.keySet().removeAll(batch.keySet());
    } catch (CommitFailedException e) {
      // The group moved on without us: these records go to the partitions' new owners again.
      offsets.keySet().removeAll(batch.keySet());
      log.warn("commit of {} failed after a rebalance; the records will be redelivered", batch.keySet(), e);
    } catch (RetriableException e) {
      log.warn("commit of {} failed, keeping the offsets for the next commit: {}", batch.keySet(), e.toString());
    }
  }

  /** Commits what is done before partitions go, and forgets their retry state. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = done.get(partition);
        if (offset != null) {
          revoked.put(partition, offset);
        }
      }
      commit(revoked);
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions); // another member owns them already: committing would fail
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assignment = Set.copyOf(consumer.assignment());
    }

    private void forget(Collection<TopicPartition> partitions) {
      done.keySet().removeAll(partitions);
      failures.keySet().removeAll(partitions);
      resumeAt.keySet().removeAll(partitions);
      assignment = Set.copyOf(consumer.assignment());
    }
  }
}
