package farm.moonx.events.examples.shop;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order was paid and fulfilled.
 *
 * @param orderId the order's id
 * @param userId who ordered
 * @param paymentId the payment that settled it
 * @param lines what was ordered (a list of nested records)
 * @param total the sum of the lines
 * @param completedAt when it was completed
 */
@EventType("order.completed")
public record OrderCompleted(
    String orderId,
    @PartitionKey String userId,
    String paymentId,
    List<OrderLine> lines,
    BigDecimal total,
    Instant completedAt) {}
