package farm.moonx.events.examples.shop;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import farm.moonx.events.annotations.Upcast;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order was paid and fulfilled, version 1: only its total. Kept, with its upcast, while
 * instances of the order service that write it are still running.
 *
 * @param orderId the order's id
 * @param userId who ordered
 * @param paymentId the payment that settled it
 * @param total what it cost
 * @param completedAt when it was completed
 */
@EventType(value = "order.completed", version = "1.0")
public record OrderCompletedV1(
    String orderId, @PartitionKey String userId, String paymentId, BigDecimal total, Instant completedAt)
    implements Upcast<OrderCompleted> {

  /** The line items of version 1 orders are not known: one line of the whole total. */
  @Override
  public OrderCompleted upcast() {
    return new OrderCompleted(orderId, userId, paymentId, List.of(new OrderLine("order-v1", 1, total)), total,
        completedAt);
  }
}
