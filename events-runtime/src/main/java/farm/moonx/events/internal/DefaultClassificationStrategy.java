package farm.moonx.events.internal;

import farm.moonx.events.DataClassificationStrategy;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.annotations.DataClassification;

/**
 * The default {@link DataClassificationStrategy}: the classification declared on the record
 * ({@link EventDescriptor#classification()}), else {@code INTERNAL}. A service that wants other
 * rules implements the interface and delegates to {@link DataClassificationStrategy#defaultStrategy()}.
 */
public final class DefaultClassificationStrategy implements DataClassificationStrategy {
  public static final DefaultClassificationStrategy INSTANCE = new DefaultClassificationStrategy();

  private DefaultClassificationStrategy() {}

  @Override
  public <T> DataClassification classify(EventDescriptor<T> descriptor, T data) {
    DataClassification declared = descriptor.classification();
    return declared != null ? declared : DataClassification.INTERNAL;
  }
}
