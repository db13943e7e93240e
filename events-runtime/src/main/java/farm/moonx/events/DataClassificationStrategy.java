package farm.moonx.events;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.internal.DefaultClassificationStrategy;

/**
 * Chooses an event's {@code metadata.dataClassification}. Implement it, or extend
 * {@link DefaultClassificationStrategy} and override a hook.
 */
public interface DataClassificationStrategy {

  /** The classification of this event; never null. */
  <T> DataClassification classify(EventDescriptor<T> descriptor, T data);

  /** The default: the classification declared on the record, else {@code INTERNAL}. */
  static DataClassificationStrategy defaultStrategy() {
    return DefaultClassificationStrategy.INSTANCE;
  }
}
