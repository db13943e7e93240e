package farm.moonx.events.kafka.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka transactions on one transactional producer, through kafka-clients' own API
 * ({@code beginTransaction}, {@code sendOffsetsToTransaction}, {@code commitTransaction},
 * {@code abortTransaction}). A producer has one transaction at a time, so transactions are
 * serialized by a lock; a thread inside one (a handler joining a consumer's transaction) that
 * publishes again sends into it instead of starting another ({@link #joinedByCurrentThread()}).
 */
public final class Transactions {
  private static final Logger log = LoggerFactory.getLogger(Transactions.class);

  private final Producer<?, ?> producer;
  private final Duration lockTimeout;
  private final ReentrantLock lock = new ReentrantLock();

  /** Transactions of {@code producer}, whose {@code initTransactions()} has been called. */
  public Transactions(Producer<?, ?> producer, Duration lockTimeout) {
    this.producer = producer;
    this.lockTimeout = lockTimeout;
  }

  /** Whether the calling thread runs inside a transaction of this producer. */
  public boolean joinedByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  /**
   * Runs {@code body} in one transaction and commits it, together with the consumer offsets
   * {@code offsets} returns for the result (null: none; with the consumer's {@code group}
   * metadata, so a member fenced by a rebalance cannot commit); aborts it if {@code commit}
   * says no or anything fails.
   *
   * @return the body's result, committed or (if {@code commit} said no) aborted
   * @throws KafkaException if the transaction could not be committed (it was aborted)
   */
  public <T> T run(Callable<T> body, Function<T, Map<TopicPartition, OffsetAndMetadata>> offsets,
      ConsumerGroupMetadata group, Function<T, Boolean> commit) {
    acquire();
    try {
      producer.beginTransaction();
      T result;
      try {
        result = body.call();
      } catch (Exception e) {
        abort(e);
        throw e instanceof KafkaException kafka ? kafka : new KafkaException("transaction body failed", e);
      }
      if (!commit.apply(result)) {
        abort(null);
        return result;
      }
      try {
        Map<TopicPartition, OffsetAndMetadata> toCommit = offsets.apply(result);
        if (toCommit != null && !toCommit.isEmpty()) {
          producer.sendOffsetsToTransaction(toCommit, group);
        }
        producer.commitTransaction(); // flushes; fails if any send of the transaction failed
        return result;
      } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
          | UnsupportedVersionException e) {
        throw e; // the producer is unusable: aborting is not allowed either
      } catch (KafkaException e) {
        abort(e);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private void acquire() {
    try {
      if (!lock.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new KafkaException("no transaction could start within " + lockTimeout.toMillis()
            + " ms: another one (a hung handler?) holds the producer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while waiting to start a transaction", e);
    }
  }

  private void abort(Exception cause) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
      log.warn("aborting a transaction failed: {}", e.toString());
    }
  }
}
