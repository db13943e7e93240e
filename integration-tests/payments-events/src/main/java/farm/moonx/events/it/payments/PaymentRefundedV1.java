package farm.moonx.events.it.payments;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import farm.moonx.events.annotations.Upcast;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A refund, version 1 (1.0 from the TypeScript refunds service, 1.3 from Java): the amount in
 * cents, always in euros.
 *
 * @param refundId the refund
 * @param accountId the account, the partition key
 * @param cents the refunded amount in euro cents
 */
@EventType(value = "payment.refunded", version = "1.3", classification = DataClassification.CONFIDENTIAL)
public record PaymentRefundedV1(String refundId, @PartitionKey String accountId, long cents)
    implements Upcast<PaymentRefunded> {
  /** Version 1 carried euro cents and no reason. */
  @Override
  public PaymentRefunded upcast() {
    return new PaymentRefunded(refundId, accountId, BigDecimal.valueOf(cents, 2), "EUR", Optional.empty());
  }
}
