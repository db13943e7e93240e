package farm.moonx.events.kafka;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.internal.Redaction;
import farm.moonx.events.kafka.internal.DeadLetterReplayer;
import farm.moonx.events.kafka.internal.DeadLetterScan;
import farm.moonx.events.spi.EventSerializer;
import farm.moonx.events.spi.JsonEventSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Reads, filters and replays a dead-letter topic: the on-call view of what the consumer
 * containers gave up on. Thread-confined; open one per task and close it.
 *
 * <pre>{@code
 * try (DeadLetters dlq = DeadLetters.builder("orders.dlq").bootstrapServers(servers).build()) {
 *   List<DeadLetters.Entry> poison = dlq.list(Filter.all().eventType("order.placed"));
 *   DeadLetters.ReplayReport report = dlq.replay(Filter.all(), ReplayOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Reading never joins a consumer group and never commits. A replay keeps its progress as
 * the commit of a consumer group on the dead-letter topic (by default one per destination, see
 * {@link ReplayOptions#group}): the offsets it sent, whatever the filter, so no entry is sent
 * twice to one destination, and entries a filter passed over stay replayable.
 */
public final class DeadLetters implements AutoCloseable {
  private final String topic;
  private final Map<String, Object> properties;
  private final DeadLetterScan scan;

  private DeadLetters(Builder b) {
    this.topic = b.topic;
    this.properties = Map.copyOf(b.properties);
    EventRegistry registry = b.registry != null ? b.registry : EventRegistry.load();
    this.scan = new DeadLetterScan(topic, properties, registry, b.serializer, b.maxRawBytes, b.timeout);
  }

  /** A builder for the dead-letter topic {@code topic}. */
  public static Builder builder(String topic) {
    return new Builder(topic);
  }

  /** The dead-letter topic read. */
  public String topic() {
    return topic;
  }

  /**
   * Every entry from the start of the topic to its end as of this call that {@code filter}
   * accepts, in partition then offset order.
   *
   * @throws org.apache.kafka.common.KafkaException if the topic cannot be read within the timeout
   */
  public List<Entry> list(Filter filter) {
    return scan.entries(Objects.requireNonNull(filter, "filter"), null);
  }

  /** The entry at {@code partition}/{@code offset} of the dead-letter topic, if it exists. */
  public Optional<Entry> entry(int partition, long offset) {
    return scan.entry(partition, offset);
  }

  /**
   * Sends the entries {@code filter} accepts, and that this replay group has not sent yet, back
   * to their original topic (or {@link ReplayOptions#targetTopic}). Entries that fail
   * validation are reported each time and never marked sent.
   *
   * @throws org.apache.kafka.common.KafkaException if a send fails; progress is then not saved
   */
  public ReplayReport replay(Filter filter, ReplayOptions options) {
    return new DeadLetterReplayer(scan, properties).replay(Objects.requireNonNull(filter, "filter"),
        Objects.requireNonNull(options, "options"));
  }

  @Override
  public void close() {
    scan.close();
  }

  /**
   * One dead-lettered record.
   *
   * @param partition its partition in the dead-letter topic
   * @param offset its offset in the dead-letter topic
   * @param originalTopic the topic it was consumed from (or was to be published to)
   * @param originalPartition its partition there, -1 if it was never written
   * @param originalOffset its offset there, -1 if it was never written
   * @param originalTimestamp its record timestamp there, or null
   * @param key the record key as UTF-8 text, or null
   * @param eventType the event type from its headers or body, or null if unreadable
   * @param eventId the event id, or null
   * @param failure why it was dead-lettered
   * @param attempts how many times a handler ran it (0: never handed to one)
   * @param consumerGroup the consumer group that gave up, or null (publish-side failures)
   * @param failedAt when it was dead-lettered, or null
   * @param event the event decoded through the registries, or null if it does not decode
   * @param descriptor the registered descriptor of its type, or null
   * @param decodeError why it does not decode (null when it does); withheld for sensitive types
   * @param raw the value's first bytes when it does not decode (bounded), else empty
   * @param valueSize the full value's size in bytes
   * @param headers the record's headers other than {@code dlq.*}, as UTF-8 text
   */
  public record Entry(int partition, long offset, String originalTopic, int originalPartition,
      long originalOffset, Instant originalTimestamp, String key, String eventType, String eventId,
      Failure failure, int attempts, String consumerGroup, Instant failedAt, EventEnvelope<?> event,
      EventDescriptor<?> descriptor, String decodeError, byte[] raw, int valueSize, Map<String, String> headers) {

    /** Entries are equal when they are the same record of the dead-letter topic (same original too). */
    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e && e.partition == partition && e.offset == offset
          && Objects.equals(e.originalTopic, originalTopic) && e.originalOffset == originalOffset;
    }

    @Override
    public int hashCode() {
      return Objects.hash(partition, offset, originalTopic, originalOffset);
    }

    /** Coordinates, type, id and error class only: never the data, which may be sensitive. */
    @Override
    public String toString() {
      return "Entry[" + partition + "@" + offset + ", " + eventType + " " + eventId + " from " + originalTopic + "-"
          + originalPartition + "@" + originalOffset + ", " + failure.errorClass() + ", attempts=" + attempts + "]";
    }

    /** The decoded event, if it decodes. */
    public Optional<EventEnvelope<?>> decoded() {
      return Optional.ofNullable(event);
    }

    /**
     * The decoded event as indented JSON for people to read: the data withheld for
     * confidential and restricted events, {@code @Sensitive} values replaced by
     * {@code <redacted>}. Empty if it does not decode.
     */
    public Optional<String> redactedJson() {
      return event == null || descriptor == null ? Optional.empty() : Optional.of(Redaction.json(event, descriptor));
    }

    /** {@code <topic>-<partition>@<offset>} of this entry in the dead-letter topic. */
    public String coordinates(String deadLetterTopic) {
      return deadLetterTopic + "-" + partition + "@" + offset;
    }
  }

  /**
   * What failed.
   *
   * @param errorClass the exception's class name
   * @param message its message as written to the {@code dlq.error.message} header (already
   *     redacted for confidential events by the writer)
   * @param fieldPath the field it names ({@code data.amount}), or null if unknown
   */
  public record Failure(String errorClass, String message, String fieldPath) {}

  /**
   * Which entries to take; every part is optional (null or empty means any). Build from
   * {@link #all()} with the withers.
   *
   * @param eventTypes accepted event types
   * @param errorClasses accepted error classes (full or simple names)
   * @param originalPartition the original partition
   * @param fromOffset lowest original offset (inclusive)
   * @param toOffset highest original offset (inclusive)
   * @param failedFrom earliest failed-at time (inclusive)
   * @param failedUntil latest failed-at time (exclusive)
   */
  public record Filter(Set<String> eventTypes, Set<String> errorClasses, Integer originalPartition,
      Long fromOffset, Long toOffset, Instant failedFrom, Instant failedUntil) {
    /** Copies the sets. */
    public Filter {
      eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
      errorClasses = errorClasses == null ? Set.of() : Set.copyOf(errorClasses);
    }

    /** Accepts everything. */
    public static Filter all() {
      return new Filter(Set.of(), Set.of(), null, null, null, null, null);
    }

    /** Also requires one of these event types. */
    public Filter eventTypes(Set<String> types) {
      return new Filter(types, errorClasses, originalPartition, fromOffset, toOffset, failedFrom, failedUntil);
    }

    /** Also requires one of these error classes (full or simple names). */
    public Filter errorClasses(Set<String> classes) {
      return new Filter(eventTypes, classes, originalPartition, fromOffset, toOffset, failedFrom, failedUntil);
    }

    /** Also requires this original partition and original offsets in {@code [from, to]} (null: open). */
    public Filter original(Integer partition, Long from, Long to) {
      return new Filter(eventTypes, errorClasses, partition, from, to, failedFrom, failedUntil);
    }

    /** Also requires a failed-at time in {@code [from, until)} (null: open). */
    public Filter failedBetween(Instant from, Instant until) {
      return new Filter(eventTypes, errorClasses, originalPartition, fromOffset, toOffset, from, until);
    }

    /** Whether {@code entry} passes. */
    public boolean accepts(Entry entry) {
      String errorClass = entry.failure().errorClass();
      String simple = errorClass == null ? null : errorClass.substring(errorClass.lastIndexOf('.') + 1);
      // Set.of(…).contains(null) throws: an unreadable entry has no type, and may have no error class
      return (eventTypes.isEmpty() || (entry.eventType() != null && eventTypes.contains(entry.eventType())))
          && (errorClasses.isEmpty() || (errorClass != null
              && (errorClasses.contains(errorClass) || errorClasses.contains(simple))))
          && (originalPartition == null || originalPartition == entry.originalPartition())
          && (fromOffset == null || entry.originalOffset() >= fromOffset)
          && (toOffset == null || entry.originalOffset() <= toOffset)
          && (failedFrom == null || (entry.failedAt() != null && !entry.failedAt().isBefore(failedFrom)))
          && (failedUntil == null || (entry.failedAt() != null && entry.failedAt().isBefore(failedUntil)));
    }
  }

  /**
   * How to replay.
   *
   * @param targetTopic where to send; null sends each entry back to its original topic
   * @param dryRun report what would be sent, send nothing and save no progress
   * @param validate decode and validate each event as a publish would; one that fails is
   *     reported in {@link ReplayReport#rejected} and not sent
   * @param group the consumer group keeping the progress; null: {@code moonx-events-replay.<topic>}
   *     (plus {@code .to.<target>} with a target topic)
   * @param progress called after each entry read with (entries read, entries to read); may be null
   */
  public record ReplayOptions(String targetTopic, boolean dryRun, boolean validate, String group, Progress progress) {
    /** Back to the original topics, validated, progress in the derived group. */
    public static ReplayOptions defaults() {
      return new ReplayOptions(null, false, true, null, null);
    }

    /** A copy with {@code dryRun}. */
    public ReplayOptions dryRun(boolean dry) {
      return new ReplayOptions(targetTopic, dry, validate, group, progress);
    }

    /** A copy sending to {@code topic} (null: the original topics). */
    public ReplayOptions targetTopic(String topic) {
      return new ReplayOptions(topic, dryRun, validate, group, progress);
    }

    /** A copy with {@code validate}. */
    public ReplayOptions validate(boolean on) {
      return new ReplayOptions(targetTopic, dryRun, on, group, progress);
    }

    /** A copy keeping progress in consumer group {@code id} (null: derived). */
    public ReplayOptions group(String id) {
      return new ReplayOptions(targetTopic, dryRun, validate, id, progress);
    }

    /** A copy reporting progress to {@code listener}. */
    public ReplayOptions progress(Progress listener) {
      return new ReplayOptions(targetTopic, dryRun, validate, group, listener);
    }
  }

  /** Receives replay progress (e.g. for a progress bar). */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} entries read so far. */
    void update(long done, long total);
  }

  /**
   * What a replay did.
   *
   * @param group the consumer group that keeps its progress
   * @param sent the entries sent (for a dry run: that would have been sent)
   * @param rejected entries not sent because they fail validation, with the reason
   * @param dryRun whether nothing was actually sent
   */
  public record ReplayReport(String group, List<Entry> sent, List<Rejected> rejected, boolean dryRun) {}

  /**
   * An entry a replay did not send.
   *
   * @param entry the entry
   * @param reason why (the validation problems, or why it does not decode)
   */
  public record Rejected(Entry entry, String reason) {}

  /** Builds a {@link DeadLetters}. */
  public static final class Builder {
    private final String topic;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private EventRegistry registry;
    private EventSerializer serializer = JsonEventSerializer.shared();
    private int maxRawBytes = 4096;
    private Duration timeout = Duration.ofSeconds(60);

    private Builder(String topic) {
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("topic must be non-blank");
      }
      this.topic = topic;
    }

    /** Sets {@code bootstrap.servers}. */
    public Builder bootstrapServers(String servers) {
      return property(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
    }

    /** Sets any Kafka client property (TLS, SASL, …), used by both the reader and the replay producer. */
    public Builder property(String key, Object value) {
      properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets the registry events are decoded with (default {@link EventRegistry#load()}). */
    public Builder registry(EventRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Sets the serializer bodies are read with (default {@link JsonEventSerializer#shared()}). */
    public Builder serializer(EventSerializer serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
      return this;
    }

    /** Sets how many bytes of an undecodable value an entry keeps (default 4096). */
    public Builder maxRawBytes(int bytes) {
      this.maxRawBytes = bytes;
      return this;
    }

    /** Sets how long reading the topic to its end may take (default 60 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The reader. */
    public DeadLetters build() {
      if (!properties.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
        throw new IllegalStateException("bootstrap.servers is not set");
      }
      return new DeadLetters(this);
    }
  }
}
