package farm.moonx.events.it.payments;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A refund, version 2: the amount is a decimal with its currency, and a reason may be given.
 * Version 1 ({@link PaymentRefundedV1}) payloads still arrive and reach handlers as this record.
 *
 * @param refundId the refund
 * @param accountId the account, the partition key
 * @param amount the refunded amount
 * @param currency ISO 4217 code
 * @param reason why, when the refunding service says
 */
@EventType(value = "payment.refunded", version = "2.0", classification = DataClassification.CONFIDENTIAL)
public record PaymentRefunded(
    String refundId, @PartitionKey String accountId, BigDecimal amount, String currency, Optional<String> reason) {}
