package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.internal.EnvelopeValidator;
import farm.moonx.events.internal.ValidationResult;
import farm.moonx.events.kafka.DeadLetters.Entry;
import farm.moonx.events.kafka.DeadLetters.Filter;
import farm.moonx.events.kafka.DeadLetters.Rejected;
import farm.moonx.events.kafka.DeadLetters.ReplayOptions;
import farm.moonx.events.kafka.DeadLetters.ReplayReport;
import farm.moonx.events.spi.EventHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends dead-lettered records back: original key, value and headers, {@code dlq.*} removed,
 * {@link EventHeaders#REPLAYED_FROM} added. Progress ({@link ReplayProgress}) is the commit of a
 * consumer group on the dead-letter topic, saved only after every send was acknowledged.
 */
public final class DeadLetterReplayer {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
  private static final long SEND_TIMEOUT_SECONDS = 60;

  private final DeadLetterScan scan;
  private final Map<String, Object> properties;
  private final EnvelopeValidator validator = EnvelopeValidator.standard();

  /** A replayer over {@code scan}, producing with the client {@code properties}. */
  public DeadLetterReplayer(DeadLetterScan scan, Map<String, Object> properties) {
    this.scan = scan;
    this.properties = properties;
  }

  /** Replays what {@code filter} accepts and the group has not replayed yet. */
  public ReplayReport replay(Filter filter, ReplayOptions options) {
    String group = options.group() != null ? options.group() : defaultGroup(scan.topic(), options.targetTopic());
    List<Entry> sent = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    try (Consumer<byte[], byte[]> consumer = scan.newConsumer(group);
        Producer<byte[], byte[]> producer = options.dryRun() ? null : producer()) {
      Map<TopicPartition, ReplayProgress> progress = committed(consumer);
      Map<TopicPartition, Long> from = new HashMap<>();
      progress.forEach((tp, p) -> from.put(tp, p.base()));
      long[] done = {0};
      scan.read(consumer, from, (record, total) -> {
        ReplayProgress partition = progress.computeIfAbsent(
            new TopicPartition(record.topic(), record.partition()), tp -> ReplayProgress.of(null));
        Entry entry = partition.sent(record.offset()) ? null : scan.parser().read(record);
        if (entry != null && filter.accepts(entry)) {
          String target = options.targetTopic() != null ? options.targetTopic() : entry.originalTopic();
          String problem = target == null ? "no original topic recorded; give a target topic"
              : options.validate() ? problem(entry) : null;
          if (problem != null) {
            rejected.add(new Rejected(entry, problem));
          } else {
            partition.markSent(record.offset());
            if (!partition.recordable()) {
              throw new IllegalStateException("too many scattered entries to record as replayed in one group;"
                  + " replay a contiguous selection, or give another group");
            }
            sent.add(entry);
            if (producer != null) {
              acks.add(producer.send(replayRecord(record, target, scan.topic())));
            }
          }
        }
        if (options.progress() != null) {
          options.progress().update(++done[0], total);
        }
      });
      if (producer != null) {
        awaitAcks(producer, acks);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        progress.forEach((tp, p) -> offsets.put(tp, p.commit()));
        consumer.commitSync(offsets);
        log.info("replayed {} dead letter(s) from {} (group {}), {} rejected", sent.size(), scan.topic(), group,
            rejected.size());
      }
    }
    return new ReplayReport(group, List.copyOf(sent), List.copyOf(rejected), options.dryRun());
  }

  /**
   * The group keeping the replay progress of {@code topic} towards {@code target} (null: the
   * original topics): one per destination, so whatever the filters, an entry goes to one
   * destination at most once.
   */
  public static String defaultGroup(String topic, String target) {
    return "moonx-events-replay." + topic + (target == null ? "" : ".to." + target);
  }

  /** The record to send for dead-letter {@code record}. */
  static ProducerRecord<byte[], byte[]> replayRecord(ConsumerRecord<byte[], byte[]> record, String target,
      String deadLetterTopic) {
    Headers headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith(EventHeaders.DLQ_PREFIX) && !header.key().equals(EventHeaders.REPLAYED_FROM)) {
        headers.add(header);
      }
    }
    EventRecords.put(headers, EventHeaders.REPLAYED_FROM,
        deadLetterTopic + "-" + record.partition() + "@" + record.offset());
    return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
  }

  private String problem(Entry entry) {
    if (entry.event() == null) {
      return entry.decodeError() != null ? entry.decodeError() : "does not decode";
    }
    ValidationResult result = validate(entry.event(), entry.descriptor());
    return result.valid() ? null : String.join("; ", result.errors());
  }

  private <T> ValidationResult validate(EventEnvelope<?> envelope, EventDescriptor<T> descriptor) {
    return validator.validate(descriptor.castEnvelope(envelope), descriptor);
  }

  private Map<TopicPartition, ReplayProgress> committed(Consumer<byte[], byte[]> consumer) {
    Set<TopicPartition> partitions = consumer.partitionsFor(scan.topic()).stream()
        .map(p -> new TopicPartition(scan.topic(), p.partition())).collect(Collectors.toSet());
    Map<TopicPartition, ReplayProgress> progress = new HashMap<>();
    consumer.committed(partitions).forEach((tp, offset) -> progress.put(tp, ReplayProgress.of(offset)));
    return progress;
  }

  private Producer<byte[], byte[]> producer() {
    Map<String, Object> props = new HashMap<>(properties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void awaitAcks(Producer<byte[], byte[]> producer, List<Future<RecordMetadata>> acks) {
    producer.flush();
    try {
      for (Future<RecordMetadata> ack : acks) {
        ack.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      throw new KafkaException("replay send failed; progress not saved, the next replay sends again", e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("replay send not acknowledged within " + SEND_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while replaying", e);
    }
  }
}
