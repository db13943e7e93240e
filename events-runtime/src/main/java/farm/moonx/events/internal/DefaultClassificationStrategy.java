package farm.moonx.events.internal;

import farm.moonx.events.DataClassificationStrategy;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.annotations.DataClassification;

/**
 * The default {@link DataClassificationStrategy}: the classification declared on the record
 * ({@link EventDescriptor#classification()}), else {@link #undeclared}'s answer,
 * {@code INTERNAL}.
 *
 * <p>Subclass it to raise some events, e.g. everything under {@code payment.} to
 * {@code CONFIDENTIAL}, keeping declared classifications for the rest:
 *
 * <pre>{@code
 * class PaymentsConfidential extends DefaultClassificationStrategy {
 *   @Override public <T> DataClassification classify(EventDescriptor<T> d, T data) {
 *     return d.name().startsWith("payment.") ? DataClassification.CONFIDENTIAL : super.classify(d, data);
 *   }
 * }
 * }</pre>
 */
public class DefaultClassificationStrategy implements DataClassificationStrategy {
  public static final DefaultClassificationStrategy INSTANCE = new DefaultClassificationStrategy();

  /** A strategy with the default rules; subclasses override the hooks. */
  public DefaultClassificationStrategy() {}

  @Override
  public <T> DataClassification classify(EventDescriptor<T> descriptor, T data) {
    DataClassification declared = descriptor.classification();
    return declared != null ? declared : undeclared(descriptor);
  }

  /** The classification of an event whose record declares none: {@code INTERNAL}. */
  protected DataClassification undeclared(EventDescriptor<?> descriptor) {
    return DataClassification.INTERNAL;
  }
}
