package farm.moonx.events.generated.catalogs;

import com.example.payments.PaymentFailed;
import com.example.payments.PaymentProcessed;
import com.example.payments.PaymentsEvents;
import farm.moonx.events.annotations.internal.CatalogIndex;
import javax.annotation.processing.Generated;

/**
 * Not API: lets the moonx-events processor of other modules find catalog {@code Payments}.
 */
@CatalogIndex(
    name = "Payments",
    topic = "payments.events",
    registry = PaymentsEvents.class,
    events = {"payment.failed", "payment.processed"},
    constants = {"PAYMENT_FAILED", "PAYMENT_PROCESSED"},
    records = {PaymentFailed.class, PaymentProcessed.class}
)
@Generated("farm.moonx.events.processor.EventProcessor")
public final class Catalog_com_example_payments {
  private Catalog_com_example_payments() {
  }
}
