package bad;

import com.example.payments.PaymentFailedCodec;
import com.example.payments.PaymentsEvents;

/** Compiles only if the good record's classes were generated despite the bad records beside it. */
final class UsesPayments {
  private UsesPayments() {}

  static Object use() {
    return PaymentsEvents.PAYMENT_FAILED.codec() == PaymentFailedCodec.INSTANCE;
  }
}
