package farm.moonx.events.kafka.internal;

import farm.moonx.events.internal.EventMetrics;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventConsumerConfig.CommitMode;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.kafka.internal.RecordProcessor.Action;
import farm.moonx.events.kafka.internal.RecordProcessor.Outcome;
import farm.moonx.events.spi.EventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread's poll loop. Offsets are committed only for records that are done
 * (handled, skipped or dead-lettered). A record to retry, or whose dead-letter write failed,
 * makes the worker pause its partition, seek back to it and resume after a backoff while the
 * other partitions keep flowing.
 *
 * <p>Never wedged: no error of poll or commit ends the loop (a failed commit keeps its offsets
 * for the next commit or the partition's revocation, see {@link WorkerOffsets}); the attempts of
 * a failing record are committed with its offset ({@link AttemptMetadata}) and read back by its
 * next owner; records are processed on a {@link HandlerRunner} within the handler timeout each,
 * and a record is started only if it can finish within {@code max.poll.interval.ms}.
 *
 * <p>Pipelined (commit per batch, no transactions): a poll's records go to the handler thread as
 * one hand-over, and while they are handled this thread commits what the hand-over before it
 * settled and polls the next records, so fetching and handling overlap. A hand-over is settled
 * (committed, retried or dead-lettered, record by record in order) before the records polled
 * after it are handed over, and before a rebalance takes or loses its partitions; a partition
 * whose position moved in settling (rewound, or a record left over to fetch again) drops what
 * that poll brought for it. With transactions a hand-over is settled as soon as it ends, before
 * the next poll; with a commit per record each record is handled and settled on its own.
 */
public final class ConsumerWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);

  /** A failed record of a partition: its offset, handler attempts, last error class, a pending dead letter. */
  record Failure(long offset, int attempts, String errorClass, Outcome deadLetter, int deadLetterFailures) {}

  /**
   * How long a poll may wait while a hand-over is being handled: the hand-over's offsets and
   * dead letters wait for it to be settled, which happens after that poll.
   */
  private static final Duration POLL_WHILE_HANDLING = Duration.ofMillis(10);

  /** One partition's records in a hand-over, and the record to fetch again after them, if any. */
  private record Run(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records,
      ConsumerRecord<byte[], byte[]> after) {}

  /** Runs handed over and not yet settled. */
  private record InFlight(List<Run> runs, HandlerRunner.Handover<Outcome> handover) {}

  private final Consumer<byte[], byte[]> consumer;
  private final EventConsumerConfig config;
  private final RecordProcessor processor;
  private final DeadLetterWriter deadLetters;
  private final EventMetrics metrics;
  private final RetryPolicy retryPolicy;
  private final long maxPollIntervalNanos;
  private final WorkerOffsets offsets;
  private final Backoffs backoffs;
  private final Transactions transactions;
  private final boolean pipelined;
  /** Partitions whose position moved after the last poll returned: the records it brought for them are stale. */
  private final Set<TopicPartition> moved = new HashSet<>();
  private InFlight inFlight;
  private volatile HandlerRunner runner;

  private volatile boolean stopping;
  private volatile boolean running;
  private volatile long lastPollMillis = -1;
  private volatile long lastPollNanos;
  private volatile Throwable fatal;
  private volatile String lastError;

  /** A worker owning {@code consumer} (closed when the loop ends). */
  public ConsumerWorker(Consumer<byte[], byte[]> consumer, EventConsumerConfig config, RecordProcessor processor,
      DeadLetterWriter deadLetters) {
    this(consumer, config, processor, deadLetters, null);
  }

  /** A worker committing each handled record's offset in a transaction of {@code transactions} (if not null). */
  public ConsumerWorker(Consumer<byte[], byte[]> consumer, EventConsumerConfig config, RecordProcessor processor,
      DeadLetterWriter deadLetters, Transactions transactions) {
    this.transactions = transactions;
    this.consumer = consumer;
    this.config = config;
    this.processor = processor;
    this.deadLetters = deadLetters;
    this.metrics = EventMetrics.of(config.meterRegistry());
    this.retryPolicy = config.retryPolicy();
    this.maxPollIntervalNanos = Duration.ofMillis(Long.parseLong(String.valueOf(config.consumerProperties()
        .getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000)))).toNanos();
    this.pipelined = transactions == null && config.commitMode() == CommitMode.AFTER_EACH_BATCH;
    this.backoffs = new Backoffs(consumer);
    this.offsets = new WorkerOffsets(consumer, config, backoffs::forget, () -> stopping, () -> {
      try {
        settleInFlight(); // before the partitions go: what was handled is committed with them
        // This poll fetches after the rebalance, from where settling moved each partition: what
        // it brings is not stale.
        moved.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException(e);
      }
    });
  }

  @Override
  public void run() {
    running = true;
    HandlerRunner handlers = new HandlerRunner(Thread.currentThread().getName() + "-handler");
    runner = handlers;
    try (consumer; handlers) {
      consumer.subscribe(config.topics(), offsets.listener());
      while (!stopping) {
        try {
          moved.clear();
          ConsumerRecords<byte[], byte[]> records = poll();
          lastError = null;
          settleInFlight();
          process(records);
          offsets.commit();
        } catch (WakeupException e) {
          if (!stopping) {
            throw e;
          }
        } catch (InterruptException e) {
          throw e;
        } catch (KafkaException e) {
          // A live group's errors pass (coordinator moves, fencing, rebalances): poll again.
          lastError = e.toString();
          log.warn("consumer of group {}: {}; polling again in {} ms", config.groupId(), e,
              config.pollTimeout().toMillis());
          Thread.sleep(config.pollTimeout().toMillis());
        }
      }
      settleInFlight();
      offsets.commit(); // what finished before the stop; closing the consumer then leaves the group
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fatal = e;
      log.warn("consumer of group {} interrupted", config.groupId());
    } catch (RuntimeException | Error e) {
      fatal = e;
      log.error("consumer of group {} stopped on an unexpected error", config.groupId(), e);
    } finally {
      running = false;
    }
  }

  /**
   * Polls; while a hand-over is being handled and a poll brings nothing, polls again (records
   * and rebalances are taken in meanwhile) until it ends, or its call in progress overruns the
   * handler timeout (settling it then interrupts it), or the worker stops.
   */
  private ConsumerRecords<byte[], byte[]> poll() {
    while (true) {
      backoffs.resumeDue();
      ConsumerRecords<byte[], byte[]> records = consumer.poll(nextPollTimeout());
      lastPollMillis = System.currentTimeMillis();
      lastPollNanos = System.nanoTime();
      InFlight flight = inFlight;
      if (!records.isEmpty() || flight == null || stopping || flight.handover().done()
          || flight.handover().overdue(config.handlerTimeout())) {
        return records;
      }
    }
  }

  /** Asks the loop to stop after the record in progress; returns at once. */
  public void stop() {
    stopping = true;
    consumer.wakeup();
  }

  /** Interrupts the handler in progress, if any: for a close whose timeout ran out. */
  public void interruptHandler() {
    HandlerRunner handlers = runner;
    if (handlers != null) {
      handlers.interrupt();
    }
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
    return offsets.assignment();
  }

  /** The error that ended the loop, or null. */
  public Throwable fatal() {
    return fatal;
  }

  /** The error of the last loop pass if it failed (the loop goes on), else null. */
  public String lastError() {
    return lastError;
  }

  private void process(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    boolean first = true;
    List<Run> handover = new ArrayList<>();
    for (TopicPartition partition : records.partitions()) {
      if (moved.contains(partition)) {
        continue; // fetched again from where settling left it
      }
      List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
      int next = 0;
      while (next < batch.size() && !stopping) {
        ConsumerRecord<byte[], byte[]> record = batch.get(next);
        if (!first && !timeLeftFor()) {
          consumer.seek(partition, record.offset()); // fetched again after the next poll
          break;
        }
        first = false;
        Failure failure = offsets.failure(partition, record.offset());
        if (failure != null || config.commitMode() == CommitMode.AFTER_EACH_RECORD) {
          if (!processOne(partition, record, failure)) {
            break; // rewound: the rest comes again after the backoff
          }
          next++;
          continue;
        }
        int end = runEnd(partition, batch, next);
        handover.add(new Run(partition, batch.subList(next, end), end < batch.size() ? batch.get(end) : null));
        break;
      }
    }
    if (!handover.isEmpty()) {
      List<List<Callable<Outcome>>> tasks = new ArrayList<>(handover.size());
      for (Run run : handover) {
        tasks.add(tasks(run.records()));
      }
      inFlight = new InFlight(handover, runner.start(tasks, this::mayStart, ConsumerWorker::isDone));
      if (!pipelined) {
        settleInFlight();
      }
    }
  }

  /**
   * Settles the hand-over in flight, if any, once it has ended: each run's outcomes in order. A
   * partition whose run did not settle to its end is moved back to the first record not settled
   * (if settling did not already rewind it).
   */
  private void settleInFlight() throws InterruptedException {
    InFlight flight = inFlight;
    if (flight == null) {
      return;
    }
    inFlight = null;
    List<HandlerRunner.Run<Outcome>> done = runner.finish(flight.handover(), config.handlerTimeout());
    for (int i = 0; i < flight.runs().size(); i++) {
      Run run = flight.runs().get(i);
      int settled = settle(run.partition(), run.records(), done.get(i));
      ConsumerRecord<byte[], byte[]> next = settled < 0 ? null
          : settled < run.records().size() ? run.records().get(settled) : run.after();
      if (next != null && !stopping && consumer.assignment().contains(run.partition())) {
        consumer.seek(run.partition(), next.offset());
      }
      if (settled < 0 || next != null) {
        moved.add(run.partition());
      }
    }
  }

  /** The end of the run of records from {@code from} on that have no earlier failure to account for. */
  private int runEnd(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> batch, int from) {
    int end = from + 1;
    while (end < batch.size() && offsets.failure(partition, batch.get(end).offset()) == null) {
      end++;
    }
    return end;
  }

  /** The first attempt of each record of {@code run}. */
  private List<Callable<Outcome>> tasks(List<ConsumerRecord<byte[], byte[]>> run) {
    List<Callable<Outcome>> tasks = new ArrayList<>(run.size());
    ConsumerGroupMetadata group = transactions == null ? null : consumer.groupMetadata();
    for (ConsumerRecord<byte[], byte[]> record : run) {
      tasks.add(task(record, 1, group));
    }
    return tasks;
  }

  private static boolean isDone(Outcome outcome) {
    return outcome.action() == Action.DONE;
  }

  /** Whether call {@code i} of a hand-over may start: the first always (its time was checked), later ones in time. */
  private boolean mayStart(int i) {
    return !stopping && (i == 0 || timeLeftFor());
  }

  /**
   * Settles what the handler thread did with {@code run}: each outcome in order, then the record
   * it stopped at. Returns how many records are settled, or -1 if the partition was rewound or
   * must be fetched again (the rest of the batch is skipped).
   */
  private int settle(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> run, HandlerRunner.Run<Outcome> done) {
    List<Outcome> results = done.results();
    int at = results.size();
    for (int i = 0; i < at; i++) {
      if (i + 1 < at && isDone(results.get(i)) && isDone(results.get(i + 1))) {
        continue; // a done record only moves the partition's committed position: the last of a row settles the row
      }
      if (!settle(partition, run.get(i), results.get(i), null)) {
        return -1;
      }
    }
    if (at == run.size()) {
      return at;
    }
    ConsumerRecord<byte[], byte[]> record = run.get(at);
    if (done.overran()) {
      return settle(partition, record, overrun(record, 1), null) ? at + 1 : -1;
    }
    if (done.error() instanceof KafkaException e) {
      notCommitted(partition, record, e);
      return -1;
    }
    if (done.error() != null) {
      throw done.error();
    }
    if (at > 0 && done.results().get(at - 1).action() != Action.DONE) {
      return at; // the run stopped at a record now dead-lettered: go on after it
    }
    if (!stopping && consumer.assignment().contains(partition)) {
      consumer.seek(partition, record.offset()); // out of time before it started: fetched again after the next poll
    }
    return -1;
  }

  /**
   * Whether a record can still finish before {@code max.poll.interval.ms} runs out since the
   * last poll, even if its handler takes the whole handler timeout; if not, the worker polls
   * first (a batch of slow records must not get the member evicted half way).
   */
  private boolean timeLeftFor() {
    return System.nanoTime() - lastPollNanos + config.handlerTimeout().toNanos() < maxPollIntervalNanos;
  }

  /** Returns false if the partition was rewound to this record. */
  private boolean processOne(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, Failure failure)
      throws InterruptedException {
    Outcome outcome;
    if (failure != null && failure.deadLetter() != null) {
      outcome = failure.deadLetter(); // the handler already gave up on it; only the dead-letter write is left
    } else if (failure != null && failure.attempts() >= retryPolicy.maxAttempts()) {
      // Its attempts ran out before a rebalance or restart took it from us: do not run it again.
      outcome = new Outcome(Action.DEAD_LETTER, EventRecords.text(record.headers(), EventHeaders.EVENT_TYPE),
          new AttemptMetadata.EarlierFailure(new AttemptMetadata.Attempts(record.offset(), failure.attempts(),
              failure.errorClass())), failure.attempts());
    } else {
      int attempt = failure == null ? 1 : failure.attempts() + 1;
      try {
        outcome = runner.call(task(record, attempt, transactions == null ? null : consumer.groupMetadata()),
            config.handlerTimeout());
      } catch (TimeoutException e) {
        outcome = overrun(record, attempt);
      } catch (KafkaException e) {
        notCommitted(partition, record, e);
        return false;
      }
    }
    return settle(partition, record, outcome, failure);
  }

  /** Commits, retries or dead-letters {@code record} by its outcome; returns false if the partition was rewound. */
  private boolean settle(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, Outcome outcome,
      Failure failure) {
    if (outcome.action() == Action.DONE && transactions != null) {
      offsets.committedInTransaction(partition);
      return true;
    }
    if (outcome.action() == Action.DONE) {
      offsets.done(partition, record.offset());
      if (config.commitMode() == CommitMode.AFTER_EACH_RECORD) {
        offsets.commit();
      }
      return true;
    }
    if (outcome.action() == Action.RETRY) {
      offsets.failed(partition, new Failure(record.offset(), outcome.attempts(), className(outcome.error()), null, 0),
          AttemptMetadata.of(record.offset(), outcome.attempts(), outcome.error()));
      metrics.retried(processor.meterTag(outcome.eventType()));
      backoffs.rewind(partition, record.offset(), retryPolicy.backoff(outcome.attempts(), ThreadLocalRandom.current()::nextDouble));
      return false;
    }
    return deadLetter(partition, record, outcome, failure);
  }

  /**
   * The transaction could not commit (a rebalance fenced it, a broker error): it was aborted, so
   * the record is not done and not counted as a failed attempt either: rewinds to it.
   */
  private void notCommitted(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, KafkaException e) {
    log.warn("transaction for record {}-{}@{} not committed, handling it again: {}", record.topic(),
        record.partition(), record.offset(), e.toString());
    backoffs.rewind(partition, record.offset(), retryPolicy.backoff(1, ThreadLocalRandom.current()::nextDouble));
  }

  /** {@link RecordProcessor#process} of {@code record}, in a transaction with its offset if the worker has one. */
  private Callable<Outcome> task(ConsumerRecord<byte[], byte[]> record, int attempt, ConsumerGroupMetadata group) {
    String type = processor.headerType(record); // here, on the polling thread (see headerType)
    Callable<Outcome> task = () -> processor.process(record, type, attempt);
    if (transactions == null) {
      return task;
    }
    // Consume -> publish -> commit as one: the offset goes into the handler's transaction.
    Map<TopicPartition, OffsetAndMetadata> next = Map.of(
        new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    return () -> transactions.run(task, outcome -> next, group, outcome -> outcome.action() == Action.DONE);
  }

  /** The outcome of a handler call that overran the handler timeout: a failed attempt. */
  private Outcome overrun(ConsumerRecord<byte[], byte[]> record, int attempt) {
    String type = EventRecords.text(record.headers(), EventHeaders.EVENT_TYPE);
    TimeoutException overrun = new TimeoutException("handler did not finish within "
        + config.handlerTimeout().toMillis() + " ms (interrupted)");
    metrics.processingFailed(processor.meterTag(type), overrun);
    boolean retry = retryPolicy.shouldRetry(overrun, attempt);
    log.warn("handling record {}-{}@{} timed out (attempt {} of {}), {}", record.topic(), record.partition(),
        record.offset(), attempt, retryPolicy.maxAttempts(), retry ? "will retry" : "dead-lettering");
    return new Outcome(retry ? Action.RETRY : Action.DEAD_LETTER, type, overrun, attempt);
  }

  private boolean deadLetter(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, Outcome outcome,
      Failure failure) {
    try {
      String topic = deadLetters.write(record, outcome.error(), outcome.attempts());
      String errorClass = LogSafe.errorClass(outcome.error());
      metrics.deadLettered(processor.meterTag(outcome.eventType()), errorClass.substring(errorClass.lastIndexOf('.') + 1));
      log.warn("dead-lettered record {}-{}@{} (type {}) to {} after {} attempt(s): {}", record.topic(),
          record.partition(), record.offset(), LogSafe.text(outcome.eventType()), topic, outcome.attempts(),
          errorClass);
      offsets.done(partition, record.offset());
      if (config.commitMode() == CommitMode.AFTER_EACH_RECORD) {
        offsets.commit();
      }
      return true;
    } catch (KafkaException e) {
      int dlqFailures = failure == null ? 1 : failure.deadLetterFailures() + 1;
      Failure pending = new Failure(record.offset(), outcome.attempts(), className(outcome.error()), outcome, dlqFailures);
      offsets.failed(partition, pending, outcome.attempts() > 0
          ? AttemptMetadata.of(record.offset(), outcome.attempts(), outcome.error()) : null);
      // Refused for good: try again once per dead-letter timeout, not at the retry pace.
      Duration backoff = e instanceof DeadLetterWriter.Unwritable ? config.deadLetterTimeout()
          : retryPolicy.backoff(dlqFailures, ThreadLocalRandom.current()::nextDouble);
      log.error("could not dead-letter record {}-{}@{}; not committing it, trying again in {} ms", record.topic(),
          record.partition(), record.offset(), backoff.toMillis(), e);
      backoffs.rewind(partition, record.offset(), backoff);
      return false;
    }
  }

  private static String className(Throwable error) {
    return error == null ? "" : LogSafe.errorClass(error);
  }

  /**
   * The configured poll timeout, shortened so that a paused partition resumes on time, and so
   * that a hand-over in flight is settled soon after it ends (at once if it already has).
   */
  private Duration nextPollTimeout() {
    long timeout = config.pollTimeout().toNanos();
    if (inFlight != null) {
      timeout = inFlight.handover().done() ? 0 : Math.min(timeout, POLL_WHILE_HANDLING.toNanos());
    }
    return Duration.ofNanos(backoffs.until(timeout));
  }
}
