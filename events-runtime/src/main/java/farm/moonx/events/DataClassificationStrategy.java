package farm.moonx.events;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.internal.DefaultClassificationStrategy;

/**
 * Chooses an event's {@code metadata.dataClassification}.
 *
 * <p>To classify some events your own way and keep the default for the rest (what the
 * TypeScript services do by extending their {@code DefaultDataClassificationStrategy}),
 * implement it and hand the other events to {@link #defaultStrategy()}:
 *
 * <pre>{@code
 * DataClassificationStrategy paymentsConfidential = new DataClassificationStrategy() {
 *   @Override
 *   public <T> DataClassification classify(EventDescriptor<T> descriptor, T data) {
 *     if (descriptor.name().startsWith("payment.")) {
 *       return DataClassification.CONFIDENTIAL;
 *     }
 *     return DataClassificationStrategy.defaultStrategy().classify(descriptor, data);
 *   }
 * };
 * }</pre>
 *
 * <p>Not a functional interface because the method is generic.
 */
public interface DataClassificationStrategy {

  /** The classification of this event; never null. */
  <T> DataClassification classify(EventDescriptor<T> descriptor, T data);

  /** The default: the classification declared on the record, else {@code INTERNAL}. */
  static DataClassificationStrategy defaultStrategy() {
    return DefaultClassificationStrategy.INSTANCE;
  }
}
