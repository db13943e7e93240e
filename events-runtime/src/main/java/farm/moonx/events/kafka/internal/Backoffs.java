package farm.moonx.events.kafka.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions a worker paused for a backoff (a record to retry, a dead letter that could not
 * be written) and when each resumes; the other partitions keep flowing meanwhile. Used by the
 * worker's thread only.
 */
final class Backoffs {
  private final Consumer<byte[], byte[]> consumer;
  private final Map<TopicPartition, Long> resumeAt = new HashMap<>();

  Backoffs(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /**
   * Pauses {@code partition}, to be fetched again from {@code offset} once {@code backoff} is
   * over; nothing if it is no longer assigned (settled as a rebalance took it: its next owner
   * starts from the committed offset).
   */
  void rewind(TopicPartition partition, long offset, Duration backoff) {
    if (!consumer.assignment().contains(partition)) {
      return;
    }
    consumer.pause(Set.of(partition));
    consumer.seek(partition, offset);
    resumeAt.put(partition, System.nanoTime() + backoff.toNanos());
  }

  /** Resumes the partitions whose backoff is over. */
  void resumeDue() {
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

  /** {@code timeoutNanos}, shortened so that a paused partition resumes on time. */
  long until(long timeoutNanos) {
    long now = System.nanoTime();
    long timeout = timeoutNanos;
    for (long at : resumeAt.values()) {
      timeout = Math.min(timeout, Math.max(0, at - now));
    }
    return timeout;
  }

  /** Forgets {@code partitions}: revoked or lost, they are no longer this worker's to resume. */
  void forget(Collection<TopicPartition> partitions) {
    resumeAt.keySet().removeAll(partitions);
  }
}
