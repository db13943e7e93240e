package farm.moonx.events.testkit.harness;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventPublisher;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.OutgoingEvent;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.PublishResult;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.internal.PublishPipeline;
import farm.moonx.events.kafka.internal.PublishPipeline.Prepared;
import farm.moonx.events.spi.JsonEventSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An {@link EventPublisher} for handler unit tests: it runs the real publish pipeline
 * (factory, validation, filters, transformers, codec) and records what would have been sent
 * instead of sending it. An invalid event fails its future, as with Kafka.
 *
 * <pre>{@code
 * RecordingPublisher published = RecordingPublisher.create("billing");
 * new BillingService(published, clock, timeout).onUserRegistered(signup, delivery);
 * assertThat(published.published(ShopEvents.PAYMENT_PROCESSED)).singleElement()
 *     .satisfies(e -> assertThat(e.metadata().causationId()).isEqualTo(signup.eventId()));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class RecordingPublisher implements EventPublisher {
  /**
   * One recorded event.
   *
   * @param descriptor its type
   * @param envelope the envelope as a consumer would decode it from the encoded record
   * @param record the Kafka record that would have been sent (key, JSON value, headers)
   * @param <T> the event record type
   */
  public record Recorded<T>(EventDescriptor<T> descriptor, EventEnvelope<T> envelope,
      ProducerRecord<String, byte[]> record) {}

  private final PublishPipeline pipeline;
  private final List<Recorded<?>> recorded = new ArrayList<>();

  private RecordingPublisher(EventPublisherConfig config) {
    this.pipeline = new PublishPipeline(config);
  }

  /** A recorder for the service {@code serviceName}, with the publisher's defaults. */
  public static RecordingPublisher create(String serviceName) {
    return create(EventPublisherConfig.builder(serviceName).bootstrapServers("in-process:0").build());
  }

  /** A recorder with the pipeline {@code config} describes (its Kafka settings are not used). */
  public static RecordingPublisher create(EventPublisherConfig config) {
    return new RecordingPublisher(Objects.requireNonNull(config, "config"));
  }

  @Override
  public <T> CompletableFuture<PublishResult> publish(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    Prepared<T> prepared;
    try {
      prepared = pipeline.prepare(descriptor, data, options);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    long timestamp = prepared.envelope().metadata().timestamp();
    if (prepared.filtered()) {
      return CompletableFuture.completedFuture(PublishResult.notSent(prepared.topic(), prepared.envelope().eventId(),
          timestamp));
    }
    EventEnvelope<T> decoded = decode(descriptor, prepared.record());
    long offset;
    synchronized (recorded) {
      offset = recorded.size();
      recorded.add(new Recorded<>(descriptor, decoded, prepared.record()));
    }
    return CompletableFuture.completedFuture(
        new PublishResult(prepared.topic(), 0, offset, decoded.eventId(), timestamp));
  }

  /**
   * The record {@code data} would be sent as, decoded back, without recording it.
   *
   * @throws farm.moonx.events.EventValidationException if it is invalid
   * @throws IllegalStateException if a filter drops it
   */
  <T> Recorded<T> recordOf(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    Prepared<T> prepared = pipeline.prepare(descriptor, data, options);
    if (prepared.filtered()) {
      throw new IllegalStateException("a publish filter drops this " + descriptor.name());
    }
    return new Recorded<>(descriptor, decode(descriptor, prepared.record()), prepared.record());
  }

  private static <T> EventEnvelope<T> decode(EventDescriptor<T> descriptor, ProducerRecord<String, byte[]> record) {
    // Decoded back from the bytes: what a consumer would see, so a codec asymmetry shows here.
    return descriptor.castEnvelope(JsonEventSerializer.shared().deserialize(record.value(), EventRegistry.of(descriptor)));
  }

  /** Validates every event first, like the Kafka publisher: one invalid event fails them all. */
  @Override
  public BatchPublishResult publishBatch(List<? extends OutgoingEvent<?>> events) {
    List<CompletableFuture<PublishResult>> results = new ArrayList<>();
    for (OutgoingEvent<?> event : events) {
      try {
        pipeline.prepare(event.descriptor(), cast(event.data()), event.options());
      } catch (RuntimeException e) {
        return BatchPublishResult.of(events.stream().map(x -> CompletableFuture.<PublishResult>failedFuture(e)).toList());
      }
    }
    for (OutgoingEvent<?> event : events) {
      results.add(publishOne(event));
    }
    return BatchPublishResult.of(results);
  }

  private <T> CompletableFuture<PublishResult> publishOne(OutgoingEvent<T> event) {
    return publish(event.descriptor(), event.data(), event.options());
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object data) {
    return (T) data;
  }

  /** The envelopes recorded for event type {@code descriptor}, in publish order. */
  public <T> List<EventEnvelope<T>> published(EventDescriptor<T> descriptor) {
    List<EventEnvelope<T>> out = new ArrayList<>();
    for (Recorded<?> r : all()) {
      if (r.descriptor().name().equals(descriptor.name())) {
        out.add(descriptor.castEnvelope(r.envelope()));
      }
    }
    return out;
  }

  /** Everything recorded, in publish order. */
  public List<Recorded<?>> all() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** Forgets what was recorded. */
  public void clear() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  /** Nothing to release. */
  @Override
  public void close(Duration timeout) {}
}
