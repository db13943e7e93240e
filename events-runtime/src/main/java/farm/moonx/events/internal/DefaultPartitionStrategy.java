package farm.moonx.events.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.PartitionStrategy;
import farm.moonx.events.PublishOptions;

/**
 * The default {@link PartitionStrategy}, in this order: explicit key from the options, the
 * record's {@code @PartitionKey} value, the user id, the event type's first segment. The first
 * non-blank answer wins. Without an explicit or {@code @PartitionKey} key this is the
 * TypeScript services' default ({@code userId || eventType.split('.')[0]}), so the same event
 * published from either side lands on the same partition. {@link #BY_TENANT} puts the tenant id
 * before the user id. A service that wants other rules implements the interface and delegates
 * to {@link PartitionStrategy#defaultStrategy()}.
 */
public final class DefaultPartitionStrategy implements PartitionStrategy {
  public static final DefaultPartitionStrategy INSTANCE = new DefaultPartitionStrategy(false);

  /** The default with the tenant id before the user id: for services that keep each tenant's events in order. */
  public static final DefaultPartitionStrategy BY_TENANT = new DefaultPartitionStrategy(true);

  private final boolean tenantFirst;

  private DefaultPartitionStrategy(boolean tenantFirst) {
    this.tenantFirst = tenantFirst;
  }

  @Override
  public <T> String partitionKey(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    String key = options.partitionKey();
    if (isBlank(key)) {
      key = descriptor.partitionKey(data); // the record's @PartitionKey component, if it has one
    }
    if (isBlank(key) && tenantFirst) {
      key = options.tenantId(); // not by default: the TypeScript default ignores it
    }
    if (isBlank(key)) {
      key = options.userId();
    }
    if (isBlank(key)) {
      key = firstSegment(descriptor.name()); // payment for payment.processed
    }
    return isBlank(key) ? null : key;
  }

  private static String firstSegment(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
