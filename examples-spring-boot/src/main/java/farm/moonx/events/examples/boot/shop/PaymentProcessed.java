package farm.moonx.events.examples.boot.shop;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;

/**
 * A user was charged for their plan.
 *
 * @param paymentId the payment's id
 * @param userId who paid
 * @param amount how much, a JSON string so no precision is lost
 */
@EventType(value = "payment.processed", classification = DataClassification.CONFIDENTIAL)
public record PaymentProcessed(String paymentId, @PartitionKey String userId, BigDecimal amount) {}
