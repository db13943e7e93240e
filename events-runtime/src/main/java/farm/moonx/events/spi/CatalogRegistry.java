package farm.moonx.events.spi;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventRegistry;
import java.util.Collection;
import java.util.Optional;

/**
 * The base of generated catalog registries ({@code PaymentsEvents}): the catalog's descriptors
 * as an {@link EventRegistry}, so the generated class is only its descriptor constants and a
 * constructor naming them. Subclasses have the public no-argument constructor
 * {@link java.util.ServiceLoader} needs; every instance serves the same descriptors.
 */
public abstract class CatalogRegistry implements EventRegistry {
  private final String catalog;
  private final EventRegistry registry;

  /** The registry of catalog {@code catalog}; fails on two descriptors with one name or record. */
  protected CatalogRegistry(String catalog, EventDescriptor<?>... descriptors) {
    this.catalog = catalog;
    this.registry = EventRegistry.of(descriptors);
  }

  @Override
  public final Collection<EventDescriptor<?>> descriptors() {
    return registry.descriptors();
  }

  @Override
  public final Optional<EventDescriptor<?>> find(String eventType) {
    return registry.find(eventType);
  }

  @Override
  public final <T> Optional<EventDescriptor<T>> find(Class<T> type) {
    return registry.find(type);
  }

  @Override
  public String toString() {
    return catalog + registry;
  }
}
