package farm.moonx.events.it.payments;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;

/**
 * A payment asked for by an account; the drills publish thousands, numbered by {@code sequence}
 * so that every one can be accounted for on the consuming side.
 *
 * @param requestId the request
 * @param accountId the account, the partition key
 * @param sequence the publisher's running number of this request
 * @param amount the amount
 * @param currency ISO 4217 code
 */
@EventType("payment.requested")
public record PaymentRequested(
    String requestId, @PartitionKey String accountId, long sequence, BigDecimal amount, String currency) {}
