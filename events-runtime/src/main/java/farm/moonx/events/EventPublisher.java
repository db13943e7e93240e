package farm.moonx.events;

import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.spi.EventFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes typed events. {@code KafkaEventPublisher} is the implementation over
 * kafka-clients; generated catalog publishers ({@code PaymentsPublisher}) wrap one.
 *
 * <p>An event that fails validation is rejected before anything is sent: the returned future
 * completes exceptionally with an {@link EventValidationException} listing every problem.
 */
public interface EventPublisher extends AutoCloseable {

  /**
   * Wraps {@code data} in an envelope (see {@link EventFactory}) and sends it. Returns once the
   * event is handed to the transport, which may block the calling thread for a bounded time
   * (Kafka's {@code KafkaEventPublisher}: while it waits for the cluster's metadata, up to
   * {@code max.block.ms}, a producer property of {@code EventPublisherConfig}).
   *
   * @return completes when the broker has acknowledged the event, or exceptionally if it was
   *     rejected or could not be delivered
   */
  <T> CompletableFuture<PublishResult> publish(EventDescriptor<T> descriptor, T data, PublishOptions options);

  /** {@link #publish(EventDescriptor, Object, PublishOptions)} with no options. */
  default <T> CompletableFuture<PublishResult> publish(EventDescriptor<T> descriptor, T data) {
    return publish(descriptor, data, PublishOptions.none());
  }

  /**
   * Publishes several events; every one is validated before any is sent, so an invalid event
   * fails the whole batch with nothing sent.
   */
  BatchPublishResult publishBatch(List<? extends OutgoingEvent<?>> events);

  /** Sends what was accepted and releases resources, waiting at most {@code timeout}. */
  void close(Duration timeout);

  /** {@link #close(Duration)} with a default timeout. */
  @Override
  default void close() {
    close(Duration.ofSeconds(30));
  }
}
