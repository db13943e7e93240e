package farm.moonx.events.examples.shop;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order was paid and fulfilled, version 2: its lines. Version 1 ({@link OrderCompletedV1})
 * is still written by order-service instances not yet upgraded; handlers receive it as this.
 *
 * @param orderId the order's id
 * @param userId who ordered
 * @param paymentId the payment that settled it
 * @param lines what was ordered (a list of nested records)
 * @param total the sum of the lines
 * @param completedAt when it was completed
 */
@EventType(value = "order.completed", version = "2.0")
public record OrderCompleted(
    String orderId,
    @PartitionKey String userId,
    String paymentId,
    List<OrderLine> lines,
    BigDecimal total,
    Instant completedAt) {}
