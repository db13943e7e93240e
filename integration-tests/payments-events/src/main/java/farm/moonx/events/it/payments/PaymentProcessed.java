package farm.moonx.events.it.payments;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The TypeScript services' {@code payment.processed}, field for field: confidential, keyed by user.
 *
 * @param paymentId the payment
 * @param userId the paying user, the partition key
 * @param amount the amount, written as a decimal string ({@code "12.50"})
 * @param currency ISO 4217 code
 * @param processedAt when it was processed, written as epoch milliseconds
 */
@EventType(value = "payment.processed", classification = DataClassification.CONFIDENTIAL)
public record PaymentProcessed(
    String paymentId, @PartitionKey String userId, BigDecimal amount, String currency, Instant processedAt) {}
