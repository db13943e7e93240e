package farm.moonx.events.kafka.internal;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventHandler;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.spi.EventDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dispatcher over handlers registered by descriptor, optionally in front of a generated
 * dispatcher that handles the remaining types. Its registry holds both sides' descriptors.
 */
public final class HandlerDispatcher implements EventDispatcher {

  /**
   * One handler and the descriptor whose type it handles.
   *
   * @param descriptor the event type
   * @param handler its handler
   * @param <T> the event record type
   */
  public record Registration<T>(EventDescriptor<T> descriptor, EventHandler<T> handler) {
    /** Checks that nothing is null. */
    public Registration {
      Objects.requireNonNull(descriptor, "descriptor");
      Objects.requireNonNull(handler, "handler");
    }

    void handle(EventEnvelope<?> envelope, Delivery context) throws Exception {
      handler.handle(new EventEnvelope<>(envelope.metadata(), descriptor.cast(envelope.data())), context);
    }
  }

  private final Map<String, Registration<?>> handlers;
  private final EventDispatcher fallback;
  private final EventRegistry registry;

  /**
   * Handlers by event name, and the dispatcher for other types (or null).
   *
   * @throws IllegalStateException if the fallback's registry declares one of the handlers'
   *     event names with another descriptor
   */
  public HandlerDispatcher(Map<String, Registration<?>> handlers, EventDispatcher fallback) {
    this.handlers = Map.copyOf(handlers);
    this.fallback = fallback;
    List<EventDescriptor<?>> descriptors = new ArrayList<>();
    handlers.values().forEach(r -> descriptors.add(r.descriptor()));
    EventRegistry own = EventRegistry.of(descriptors);
    this.registry = fallback == null ? own : EventRegistry.merge(List.of(own, fallback.registry()));
  }

  @Override
  public EventRegistry registry() {
    return registry;
  }

  @Override
  public boolean handles(String eventType) {
    return handlers.containsKey(eventType) || (fallback != null && fallback.handles(eventType));
  }

  @Override
  public boolean dispatch(EventEnvelope<?> envelope, Delivery context) throws Exception {
    Registration<?> registration = handlers.get(envelope.eventType());
    if (registration != null) {
      registration.handle(envelope, context);
      return true;
    }
    return fallback != null && fallback.dispatch(envelope, context);
  }
}
