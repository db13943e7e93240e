package farm.moonx.events;

import farm.moonx.events.internal.DefaultPartitionStrategy;

/**
 * Chooses an event's partition key: the Kafka record key, stored in {@code metadata.partition}.
 * Events with the same key land on the same partition and are consumed in order.
 *
 * <p>To key some events your own way and keep the default for the rest (what the TypeScript
 * services do by extending their {@code DefaultPartitionStrategy}), implement it and hand the
 * other events to {@link #defaultStrategy()}:
 *
 * <pre>{@code
 * PartitionStrategy byPayment = new PartitionStrategy() {
 *   @Override
 *   public <T> String partitionKey(EventDescriptor<T> descriptor, T data, PublishOptions options) {
 *     if (data instanceof PaymentProcessed payment) {
 *       return payment.paymentId();
 *     }
 *     return PartitionStrategy.defaultStrategy().partitionKey(descriptor, data, options);
 *   }
 * };
 * }</pre>
 *
 * <p>Not a functional interface because the method is generic.
 */
public interface PartitionStrategy {

  /**
   * The partition key for this event, or null for none (Kafka then spreads keyless records).
   *
   * @param descriptor the event type
   * @param data the record
   * @param options the publish options (never null)
   */
  <T> String partitionKey(EventDescriptor<T> descriptor, T data, PublishOptions options);

  /**
   * The default: the explicit key in {@link PublishOptions#partitionKey()}, else the record's
   * {@code @PartitionKey} value, else the user id, else the event type's first segment
   * ({@code payment} for {@code payment.processed}): the TypeScript services' default
   * ({@code userId || first segment}), so both sides key an event alike. A tenant id alone does
   * not key an event; see {@link #byTenant()}.
   */
  static PartitionStrategy defaultStrategy() {
    return DefaultPartitionStrategy.INSTANCE;
  }

  /**
   * The default with the tenant id before the user id: {@code .partitionStrategy(PartitionStrategy.byTenant())}
   * keeps each tenant's events in order. Events published by TypeScript services with their
   * default strategy are then keyed differently: use it on both sides or on none.
   */
  static PartitionStrategy byTenant() {
    return DefaultPartitionStrategy.BY_TENANT;
  }
}
