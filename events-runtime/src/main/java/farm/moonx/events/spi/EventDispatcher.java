package farm.moonx.events.spi;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;


/**
 * Routes a decoded envelope to the typed handler method for its event type. Generated per
 * catalog and per {@code @EventConsumer} ({@code PaymentsDispatcher}, {@code BillingDispatcher});
 * the consumer container calls it for every record.
 */
public interface EventDispatcher {

  /** The events this dispatcher routes; incoming bodies are decoded with these descriptors. */
  EventRegistry registry();

  /** Whether this dispatcher has a handler method for {@code eventType}. */
  default boolean handles(String eventType) {
    return registry().contains(eventType);
  }

  /**
   * Calls the handler method for the envelope's event type.
   *
   * @return true if it was handled; false if its type is not one of this dispatcher's (nothing
   *     was called)
   * @throws Exception whatever the handler threw
   */
  boolean dispatch(EventEnvelope<?> envelope, Delivery context) throws Exception;
}
