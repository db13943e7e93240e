package farm.moonx.events.kafka.internal;

import java.util.Map;

/**
 * What {@link PublisherSettings} and {@link ConsumerSettings} share: a shallow copy for the
 * config to keep (the builder may go on changing its own), and conditional puts.
 */
abstract class ClientSettings<S extends ClientSettings<S>> implements Cloneable {

  /** A field-by-field copy; the subclass replaces its collections with immutable ones. */
  @SuppressWarnings("unchecked") // clone() returns this object's own class, S
  S copy() {
    try {
      return (S) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError("ClientSettings is Cloneable", e);
    }
  }

  static void putIfSet(Map<String, Object> properties, String key, Object value) {
    if (value != null) {
      properties.put(key, value);
    }
  }
}
