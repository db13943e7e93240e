package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventRegistry;
import farm.moonx.events.kafka.DeadLetters.Entry;
import farm.moonx.events.kafka.DeadLetters.Filter;
import farm.moonx.events.spi.EventSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a dead-letter topic from given offsets up to its end as of the start of the read, with
 * a consumer that is assigned its partitions (it joins no group and commits nothing).
 */
public final class DeadLetterScan implements AutoCloseable {
  private final String topic;
  private final Map<String, Object> properties;
  private final DeadLetterEntries entries;
  private final Duration timeout;
  private Consumer<byte[], byte[]> reader;

  /** A scan of {@code topic} with the client {@code properties}. */
  public DeadLetterScan(String topic, Map<String, Object> properties, EventRegistry registry,
      EventSerializer serializer, int maxRawBytes, Duration timeout) {
    this.topic = topic;
    this.properties = properties;
    this.entries = new DeadLetterEntries(registry, serializer, maxRawBytes);
    this.timeout = timeout;
  }

  /** The topic scanned. */
  public String topic() {
    return topic;
  }

  /** The entry parser. */
  public DeadLetterEntries parser() {
    return entries;
  }

  /** The client properties. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** Every entry {@code filter} accepts, from the beginning to the current end. */
  public List<Entry> entries(Filter filter, Map<TopicPartition, Long> from) {
    List<Entry> out = new ArrayList<>();
    Consumer<byte[], byte[]> consumer = reader();
    read(consumer, from == null ? Map.of() : from, (record, total) -> {
      Entry entry = entries.read(record);
      if (filter.accepts(entry)) {
        out.add(entry);
      }
    });
    return out;
  }

  /** The entry at {@code partition}/{@code offset}, if the topic has it. */
  public Optional<Entry> entry(int partition, long offset) {
    Consumer<byte[], byte[]> consumer = reader();
    TopicPartition tp = new TopicPartition(topic, partition);
    if (!partitions(consumer).contains(tp)) {
      return Optional.empty();
    }
    consumer.assign(List.of(tp));
    long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
    long begin = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
    if (offset < begin || offset >= end) {
      return Optional.empty();
    }
    consumer.seek(tp, offset);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
        if (record.offset() == offset) {
          return Optional.of(entries.read(record));
        }
        if (record.offset() > offset) {
          return Optional.empty(); // compacted away or a transaction marker
        }
      }
    }
    throw new KafkaException("could not read " + topic + "-" + partition + "@" + offset + " within " + timeout);
  }

  /**
   * Reads every record of the topic from {@code from} (per partition; the beginning where
   * absent) to the end offsets taken now, calling {@code each} with the record and the number
   * of records to read. Returns the end offsets reached.
   */
  public Map<TopicPartition, Long> read(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from,
      BiConsumer<ConsumerRecord<byte[], byte[]>, Long> each) {
    List<TopicPartition> partitions = partitions(consumer);
    consumer.assign(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
    Map<TopicPartition, Long> position = new HashMap<>();
    long total = 0;
    for (TopicPartition tp : partitions) {
      long start = Math.max(begin.get(tp), from.getOrDefault(tp, 0L));
      position.put(tp, start);
      consumer.seek(tp, start);
      total += Math.max(0, end.get(tp) - start);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (position.entrySet().stream().anyMatch(e -> e.getValue() < end.get(e.getKey()))) {
      if (System.nanoTime() > deadline) {
        throw new KafkaException("reading " + topic + " to its end took longer than " + timeout);
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (record.offset() < end.get(tp)) {
          each.accept(record, total);
        }
      }
      for (TopicPartition tp : partitions) {
        // position(), not the last offset seen: transaction markers take offsets no record has
        position.put(tp, consumer.position(tp, timeout));
      }
    }
    return end;
  }

  private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      throw new KafkaException("dead-letter topic " + topic + " does not exist");
    }
    return infos.stream().map(i -> new TopicPartition(topic, i.partition()))
        .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
  }

  /** A consumer with the client properties and {@code group} (null: none, never committing). */
  public Consumer<byte[], byte[]> newConsumer(String group) {
    Map<String, Object> props = new HashMap<>(properties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private Consumer<byte[], byte[]> reader() {
    if (reader == null) {
      reader = newConsumer(null);
    }
    return reader;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
