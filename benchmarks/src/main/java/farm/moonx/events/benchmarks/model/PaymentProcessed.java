package farm.moonx.events.benchmarks.model;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The {@code payment.processed} event of the design document, the payload of every benchmark.
 *
 * @param paymentId the payment
 * @param userId who paid (the partition key)
 * @param amount how much, a JSON string
 * @param currency ISO 4217 code
 * @param processedAt epoch milliseconds on the wire
 */
@EventType(value = "payment.processed", classification = DataClassification.CONFIDENTIAL)
public record PaymentProcessed(
    String paymentId, @PartitionKey String userId, BigDecimal amount, String currency, Instant processedAt) {}
