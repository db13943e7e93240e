package farm.moonx.events.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * kafka-clients' MockConsumer, made to behave like a real consumer where the container relies
 * on it: after {@code seek} the records from that offset come again (MockConsumer forgets
 * records once polled), an empty poll waits a little instead of spinning, and every commit is
 * recorded in order.
 */
final class ReplayingConsumer extends MockConsumer<byte[], byte[]> {
  private final List<ConsumerRecord<byte[], byte[]>> log = new ArrayList<>();
  private final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();

  ReplayingConsumer() {
    super("earliest");
  }

  /** On the first poll: assigns {@code partitions} (calling the rebalance listener) and adds {@code records}. */
  ReplayingConsumer assignOnFirstPoll(List<TopicPartition> partitions, List<ConsumerRecord<byte[], byte[]>> records) {
    schedulePollTask(() -> {
      rebalance(partitions);
      Map<TopicPartition, Long> beginning = new LinkedHashMap<>();
      partitions.forEach(p -> beginning.put(p, 0L));
      updateBeginningOffsets(beginning);
      records.forEach(this::addRecord);
    });
    return this;
  }

  /** Adds a record on the next poll (the partition must be assigned by then). */
  void addLater(ConsumerRecord<byte[], byte[]> record) {
    schedulePollTask(() -> addRecord(record));
  }

  @Override
  public synchronized void addRecord(ConsumerRecord<byte[], byte[]> record) {
    log.add(record);
    super.addRecord(record);
  }

  @Override
  public synchronized void seek(TopicPartition partition, long offset) {
    super.seek(partition, offset);
    for (ConsumerRecord<byte[], byte[]> record : List.copyOf(log)) {
      if (record.topic().equals(partition.topic()) && record.partition() == partition.partition()
          && record.offset() >= offset) {
        super.addRecord(record);
      }
    }
  }

  @Override
  public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
    if (records.isEmpty()) {
      LockSupport.parkNanos(Math.min(timeout.toNanos(), Duration.ofMillis(5).toNanos()));
    }
    return records;
  }

  private RuntimeException nextCommitFailure;

  private boolean commitFailed;

  /** Makes the next commit throw {@code failure} (and commit nothing). */
  synchronized void failNextCommit(RuntimeException failure) {
    nextCommitFailure = failure;
  }

  /** Whether a commit failed as {@link #failNextCommit} asked. */
  synchronized boolean commitFailed() {
    return commitFailed;
  }

  @Override
  public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (nextCommitFailure != null) {
      RuntimeException failure = nextCommitFailure;
      nextCommitFailure = null;
      commitFailed = true;
      throw failure;
    }
    super.commitSync(offsets);
    commits.add(Map.copyOf(offsets));
    if (!assignment().containsAll(offsets.keySet())) {
      commitsOfUnassigned.add(Map.copyOf(offsets));
    }
  }

  private final List<Map<TopicPartition, OffsetAndMetadata>> commitsOfUnassigned = new ArrayList<>();

  /** The commits that named a partition not assigned at the time (a real group refuses or misattributes them). */
  synchronized List<Map<TopicPartition, OffsetAndMetadata>> commitsOfUnassigned() {
    return List.copyOf(commitsOfUnassigned);
  }

  /** Every commit so far, in order. */
  synchronized List<Map<TopicPartition, OffsetAndMetadata>> commits() {
    return List.copyOf(commits);
  }

  /** The last commit of each partition, metadata included, as the group coordinator answers it. */
  @Override
  public synchronized Map<TopicPartition, OffsetAndMetadata> committed(java.util.Set<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
    for (Map<TopicPartition, OffsetAndMetadata> commit : commits) {
      commit.forEach((partition, offset) -> {
        if (partitions.contains(partition)) {
          out.put(partition, offset);
        }
      });
    }
    return out;
  }

  /** The last committed offset of {@code partition}, or -1. */
  synchronized long committedOffset(TopicPartition partition) {
    long last = -1;
    for (Map<TopicPartition, OffsetAndMetadata> commit : commits) {
      OffsetAndMetadata offset = commit.get(partition);
      if (offset != null) {
        last = offset.offset();
      }
    }
    return last;
  }
}
