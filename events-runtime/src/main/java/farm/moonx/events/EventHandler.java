package farm.moonx.events;

import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.RetryPolicy;


/**
 * Handles one event type, for consumers written by hand (generated dispatchers call typed
 * handler interfaces instead). Register it with
 * {@link EventConsumerConfig.Builder#handler(farm.moonx.events.EventDescriptor, EventHandler)}.
 *
 * @param <T> the event record type
 */
@FunctionalInterface
public interface EventHandler<T> {
  /**
   * Handles one event. Throwing makes the container retry it (per the {@link RetryPolicy}) and
   * finally dead-letter it; returning marks it done.
   *
   * @throws Exception whatever went wrong
   */
  void handle(EventEnvelope<T> event, Delivery context) throws Exception;
}
