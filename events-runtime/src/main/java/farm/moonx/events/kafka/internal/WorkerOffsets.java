package farm.moonx.events.kafka.internal;

import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.internal.ConsumerWorker.Failure;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's offsets: what is done and not yet committed, and the failed record of each
 * partition. A commit that fails, for any reason a live group gives (a rebalance in progress,
 * a stale generation or member epoch, a member the coordinator no longer knows, a coordinator
 * moving), neither ends the worker nor drops the offsets: they stay until a later commit
 * succeeds or the partition is revoked (committed then) or lost (another member owns it, and
 * committing would fail). Retry state is read back from committed offsets on assignment.
 */
final class WorkerOffsets {
  private static final Logger log = LoggerFactory.getLogger(WorkerOffsets.class);

  private final Consumer<byte[], byte[]> consumer;
  private final EventConsumerConfig config;
  private final java.util.function.Consumer<Collection<TopicPartition>> onForget;
  private final BooleanSupplier stopping;
  private final Runnable beforeRelease;
  private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
  private final Map<TopicPartition, Failure> failures = new HashMap<>();
  private volatile Set<TopicPartition> assignment = Set.of();

  /**
   * Offsets of {@code consumer}'s records; {@code beforeRelease} runs when a rebalance is about to
   * revoke or lose partitions, before anything is committed or forgotten (to settle records still
   * being handled).
   */
  WorkerOffsets(Consumer<byte[], byte[]> consumer, EventConsumerConfig config,
      java.util.function.Consumer<Collection<TopicPartition>> onForget, BooleanSupplier stopping,
      Runnable beforeRelease) {
    this.consumer = consumer;
    this.config = config;
    this.onForget = onForget;
    this.stopping = stopping;
    this.beforeRelease = beforeRelease;
  }

  /** The failure recorded for the record at {@code offset} of {@code partition}, or null (forgetting older ones). */
  Failure failure(TopicPartition partition, long offset) {
    Failure failure = failures.get(partition);
    if (failure != null && failure.offset() != offset) {
      failures.remove(partition);
      return null;
    }
    return failure;
  }

  /** The record at {@code offset} is done: commit past it. */
  void done(TopicPartition partition, long offset) {
    failures.remove(partition);
    done.put(partition, new OffsetAndMetadata(offset + 1));
  }

  /** The partition's offset up to a record was committed in a transaction: nothing left to commit here. */
  void committedInTransaction(TopicPartition partition) {
    failures.remove(partition);
    done.remove(partition);
  }

  /** The record failed; {@code persist} (its own offset with its attempts), if given, is committed now. */
  void failed(TopicPartition partition, Failure failure, OffsetAndMetadata persist) {
    failures.put(partition, failure);
    if (persist != null) {
      done.put(partition, persist);
      commit();
    }
  }

  /** The partitions assigned at the last rebalance. */
  Set<TopicPartition> assignment() {
    return assignment;
  }

  /** Commits every offset that is done. */
  void commit() {
    commit(done);
  }

  /** Commits {@code offsets} synchronously and forgets them; on failure they stay for the next try. */
  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> batch = new LinkedHashMap<>(offsets);
    try {
      try {
        consumer.commitSync(batch);
      } catch (WakeupException e) {
        if (!stopping.getAsBoolean()) {
          throw e;
        }
        consumer.commitSync(batch); // the wake-up was for the stop, not for this commit
      }
      batch.forEach((partition, offset) -> offsets.remove(partition, offset));
    } catch (InterruptException | WakeupException e) {
      throw e;
    } catch (RetriableException e) {
      log.warn("commit of {} failed, keeping the offsets for the next commit: {}", batch.keySet(), e.toString());
    } catch (KafkaException e) {
      // A rebalance, fencing or an eviction: the listener commits them on revocation or drops them if lost.
      log.warn("commit of {} failed ({}); keeping the offsets until the rebalance settles", batch.keySet(), e.toString());
    }
  }

  /** The rebalance listener: commits what is done before partitions go, reads retry state when they come. */
  ConsumerRebalanceListener listener() {
    return new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
          beforeRelease.run();
        }
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
        beforeRelease.run();
        forget(partitions); // another member owns them already: committing would fail
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        assignment = Set.copyOf(consumer.assignment());
        restoreAttempts(partitions);
      }
    };
  }

  private void restoreAttempts(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    try {
      consumer.committed(Set.copyOf(partitions)).forEach((partition, committed) ->
          AttemptMetadata.read(committed).ifPresent(a -> {
            failures.put(partition, new Failure(a.offset(), a.attempts(), a.errorClass(), null, 0));
            log.info("{}@{} failed {} time(s) before this assignment; counting on", partition, a.offset(), a.attempts());
          }));
    } catch (InterruptException | WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      log.warn("could not read the committed offsets of {} (attempt counts start again): {}", partitions, e.toString());
    }
  }

  private void forget(Collection<TopicPartition> partitions) {
    done.keySet().removeAll(partitions);
    failures.keySet().removeAll(partitions);
    onForget.accept(partitions);
    assignment = Set.copyOf(consumer.assignment());
  }
}
