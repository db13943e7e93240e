package farm.moonx.events.examples.shop;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment went through. Confidential: the library never logs its data.
 *
 * @param paymentId the payment's id
 * @param userId who paid
 * @param orderId the order it pays for
 * @param amount how much, written as a JSON string ({@code "9.99"}) so no precision is lost
 * @param currency ISO 4217 code
 * @param processedAt when the payment provider confirmed it
 */
@EventType(value = "payment.processed", classification = DataClassification.CONFIDENTIAL)
public record PaymentProcessed(
    String paymentId,
    @PartitionKey String userId,
    String orderId,
    BigDecimal amount,
    String currency,
    Instant processedAt) {}
