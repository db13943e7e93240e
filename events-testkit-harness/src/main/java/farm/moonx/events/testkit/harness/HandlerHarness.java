package farm.moonx.events.testkit.harness;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.kafka.internal.RecordProcessor;
import farm.moonx.events.kafka.internal.RecordProcessor.Action;
import farm.moonx.events.kafka.internal.RecordProcessor.Outcome;
import farm.moonx.events.spi.EventDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Delivers events to handlers in-process, the way the consumer container would, without a
 * broker: the event is built by the real {@code EventFactory}, encoded and decoded by the real
 * codec, routed by the real dispatcher, and each outcome goes through the container's own
 * decision code (validation, filters, the {@link RetryPolicy}), retrying without waiting until
 * the event is done or would be dead-lettered. The TypeScript {@code createMockEvent} /
 * {@code handleEvent} test style, in Java.
 *
 * <pre>{@code
 * HandlerHarness harness = HandlerHarness.of(new ShopDispatcher(audit));
 * HandlerHarness.Delivered result = harness.deliver(ShopEvents.USER_REGISTERED, signup);
 * assertThat(result.decision()).isEqualTo(Decision.DONE);
 * }</pre>
 */
public final class HandlerHarness {
  /** What the container would do with the event in the end. */
  public enum Decision {
    /** Handled (or filtered out, or of a type nobody handles): its offset is committed. */
    DONE,
    /** Given up on: copied to the dead-letter topic, then committed. */
    DEAD_LETTERED
  }

  /**
   * The result of one delivery.
   *
   * @param decision what the container would do in the end
   * @param deliveries how many times the event was delivered (retries included)
   * @param error the last failure, if any
   * @param backoffs the pause the container would take before each retry (jitter at its midpoint)
   */
  public record Delivered(Decision decision, int deliveries, Optional<Throwable> error, List<Duration> backoffs) {}

  private final EventConsumerConfig config;
  private final RecordProcessor processor;
  private final RecordingPublisher factory;
  private final AtomicLong offsets = new AtomicLong();

  private HandlerHarness(EventConsumerConfig config) {
    this.config = config;
    this.processor = new RecordProcessor(config);
    this.factory = RecordingPublisher.create("test-service");
  }

  /** Deliveries to {@code dispatcher} (e.g. a generated {@code ShopDispatcher}), retried per {@link RetryPolicy#defaults()}. */
  public static HandlerHarness of(EventDispatcher dispatcher) {
    return of(dispatcher, RetryPolicy.defaults());
  }

  /** Deliveries to {@code dispatcher}, retried per {@code retryPolicy}. */
  public static HandlerHarness of(EventDispatcher dispatcher, RetryPolicy retryPolicy) {
    return of(EventConsumerConfig.builder("test-group").bootstrapServers("in-process:0").topics("in-process")
        .dispatcher(dispatcher).retryPolicy(retryPolicy).build());
  }

  /** Deliveries as the container built from {@code config} would make them (handlers, filters, retries, validation). */
  public static HandlerHarness of(EventConsumerConfig config) {
    return new HandlerHarness(config);
  }

  /** A new event as a publisher would create it (ids, timestamp, source {@code test-service}). */
  public <T> EventEnvelope<T> event(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    return factory.recordOf(descriptor, data, options).envelope();
  }

  /** {@link #event(EventDescriptor, Object, PublishOptions)} with no options. */
  public <T> EventEnvelope<T> event(EventDescriptor<T> descriptor, T data) {
    return event(descriptor, data, PublishOptions.none());
  }

  /** Publishes {@code data} as a service would and delivers it. */
  public <T> Delivered deliver(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    return deliver(factory.recordOf(descriptor, data, options).record());
  }

  /** {@link #deliver(EventDescriptor, Object, PublishOptions)} with no options. */
  public <T> Delivered deliver(EventDescriptor<T> descriptor, T data) {
    return deliver(descriptor, data, PublishOptions.none());
  }

  /** Delivers a record as it would arrive: e.g. one a {@link RecordingPublisher} recorded, or raw bytes. */
  public Delivered deliver(ProducerRecord<String, byte[]> sent) {
    byte[] key = sent.key() == null ? null : sent.key().getBytes(StandardCharsets.UTF_8);
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(sent.topic(), 0, offsets.getAndIncrement(),
        sent.timestamp() == null ? System.currentTimeMillis() : sent.timestamp(), TimestampType.CREATE_TIME,
        key == null ? -1 : key.length, sent.value() == null ? -1 : sent.value().length, key, sent.value(),
        new RecordHeaders(sent.headers().toArray()), Optional.empty());
    List<Duration> backoffs = new ArrayList<>();
    RetryPolicy retryPolicy = config.retryPolicy();
    for (int attempt = 1; ; attempt++) {
      Outcome outcome = processor.process(record, attempt);
      if (outcome.action() == Action.RETRY) {
        backoffs.add(retryPolicy.backoff(outcome.attempts(), () -> 0.5));
        continue;
      }
      Decision decision = outcome.action() == Action.DONE ? Decision.DONE : Decision.DEAD_LETTERED;
      return new Delivered(decision, Math.max(attempt, outcome.attempts()), Optional.ofNullable(outcome.error()),
          List.copyOf(backoffs));
    }
  }
}
