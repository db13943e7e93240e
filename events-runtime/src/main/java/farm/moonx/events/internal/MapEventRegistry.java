package farm.moonx.events.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventRegistry;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable {@link EventRegistry} backed by two hash maps; rejects duplicates. */
public final class MapEventRegistry implements EventRegistry {
  private final Map<String, EventDescriptor<?>> byName = new LinkedHashMap<>();
  private final Map<Class<?>, EventDescriptor<?>> byType = new HashMap<>();

  /** A registry of {@code descriptors}; throws {@link IllegalStateException} naming both sides of a duplicate. */
  public MapEventRegistry(Collection<? extends EventDescriptor<?>> descriptors) {
    for (EventDescriptor<?> d : descriptors) {
      EventDescriptor<?> sameName = byName.putIfAbsent(d.name(), d);
      if (sameName != null && sameName != d) {
        throw new IllegalStateException(
            "event type \"" + d.name() + "\" is declared twice: by " + sameName.type().getName()
                + " and by " + d.type().getName());
      }
      EventDescriptor<?> sameType = byType.putIfAbsent(d.type(), d);
      if (sameType != null && sameType != d) {
        throw new IllegalStateException(
            "record " + d.type().getName() + " is registered under two event types: \""
                + sameType.name() + "\" and \"" + d.name() + "\"");
      }
    }
  }

  @Override
  public Collection<EventDescriptor<?>> descriptors() {
    return Collections.unmodifiableCollection(byName.values());
  }

  @Override
  public Optional<EventDescriptor<?>> find(String eventType) {
    return Optional.ofNullable(byName.get(eventType));
  }

  @Override
  @SuppressWarnings("unchecked") // byType maps each class to the descriptor of that very class
  public <T> Optional<EventDescriptor<T>> find(Class<T> type) {
    return Optional.ofNullable((EventDescriptor<T>) byType.get(type));
  }

  @Override
  public String toString() {
    return "EventRegistry" + byName.keySet();
  }
}
