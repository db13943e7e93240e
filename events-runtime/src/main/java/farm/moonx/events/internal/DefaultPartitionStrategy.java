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
 * before the user id.
 *
 * <p>Subclass it to change one step and keep the others, e.g. to key payments by tenant:
 *
 * <pre>{@code
 * class ByTenant extends DefaultPartitionStrategy {
 *   @Override protected String fromOptions(PublishOptions options) {
 *     return options.tenantId() != null ? options.tenantId() : options.userId();
 *   }
 * }
 * }</pre>
 */
public class DefaultPartitionStrategy implements PartitionStrategy {
  public static final DefaultPartitionStrategy INSTANCE = new DefaultPartitionStrategy();

  /** The default with the tenant id before the user id: for services that keep each tenant's events in order. */
  public static final DefaultPartitionStrategy BY_TENANT = new DefaultPartitionStrategy() {
    @Override
    protected String fromOptions(PublishOptions options) {
      return !isBlank(options.tenantId()) ? options.tenantId() : options.userId();
    }
  };

  /** A strategy with the default order; subclasses override the hooks. */
  public DefaultPartitionStrategy() {}

  @Override
  public <T> String partitionKey(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    String key = explicitKey(options);
    if (isBlank(key)) {
      key = recordKey(descriptor, data);
    }
    if (isBlank(key)) {
      key = fromOptions(options);
    }
    if (isBlank(key)) {
      key = fallback(descriptor);
    }
    return isBlank(key) ? null : key;
  }

  /** Step 1: the key given at publish time ({@link PublishOptions#partitionKey()}). */
  protected String explicitKey(PublishOptions options) {
    return options.partitionKey();
  }

  /** Step 2: the value of the record's {@code @PartitionKey} component, if it has one. */
  protected <T> String recordKey(EventDescriptor<T> descriptor, T data) {
    return descriptor.partitionKey(data);
  }

  /** Step 3: the user id from the options (the tenant id is not used: the TypeScript default ignores it). */
  protected String fromOptions(PublishOptions options) {
    return options.userId();
  }

  /** Step 4: the event type's first segment, {@code payment} for {@code payment.processed}. */
  protected String fallback(EventDescriptor<?> descriptor) {
    String name = descriptor.name();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
