package farm.moonx.events.it.billing.invoices;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice billing issued for a processed payment.
 *
 * @param invoiceId the invoice
 * @param userId the billed user, the partition key
 * @param paymentId the payment it bills
 * @param total the total
 * @param currency ISO 4217 code
 * @param dueDate when it is due
 */
@EventType("invoice.issued")
public record InvoiceIssued(
    String invoiceId, @PartitionKey String userId, String paymentId, BigDecimal total, String currency,
    LocalDate dueDate) {}
