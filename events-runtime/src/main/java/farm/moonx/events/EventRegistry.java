package farm.moonx.events;

import farm.moonx.events.internal.MapEventRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A set of event descriptors, looked up by event name or record class. Each generated catalog
 * ({@code PaymentsEvents}) is one, registered for {@link ServiceLoader}; {@link #load()} merges
 * every catalog on the class path. The Java type of an incoming event is only ever chosen by
 * looking its name up here, never from a class name found in a message.
 */
public interface EventRegistry {

  /** Every descriptor, in a stable order. */
  Collection<EventDescriptor<?>> descriptors();

  /** The descriptor of the event with this name, if registered. */
  Optional<EventDescriptor<?>> find(String eventType);

  /** The descriptor whose record class is exactly {@code type}, if registered. */
  <T> Optional<EventDescriptor<T>> find(Class<T> type);

  /** Whether an event with this name is registered. */
  default boolean contains(String eventType) {
    return find(eventType).isPresent();
  }

  /**
   * A registry of the given descriptors.
   *
   * @throws IllegalStateException if two descriptors share a name or a record class, naming both
   */
  static EventRegistry of(Collection<? extends EventDescriptor<?>> descriptors) {
    return new MapEventRegistry(descriptors);
  }

  /** A registry of the given descriptors; see {@link #of(Collection)}. */
  static EventRegistry of(EventDescriptor<?>... descriptors) {
    return of(Arrays.asList(descriptors));
  }

  /**
   * One registry holding the descriptors of all the given ones.
   *
   * @throws IllegalStateException if an event name is declared by two of them, naming both
   */
  static EventRegistry merge(Collection<? extends EventRegistry> registries) {
    List<EventDescriptor<?>> all = new ArrayList<>();
    for (EventRegistry registry : registries) {
      all.addAll(registry.descriptors());
    }
    return of(all);
  }

  /** Every registry on the class path of the context class loader, merged. */
  static EventRegistry load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(loader != null ? loader : EventRegistry.class.getClassLoader());
  }

  /**
   * Every registry {@link ServiceLoader} finds through {@code loader}, merged.
   *
   * @throws IllegalStateException if two of them declare the same event name, naming both
   */
  static EventRegistry load(ClassLoader loader) {
    List<EventRegistry> found = new ArrayList<>();
    ServiceLoader.load(EventRegistry.class, loader).forEach(found::add);
    return merge(found);
  }
}
