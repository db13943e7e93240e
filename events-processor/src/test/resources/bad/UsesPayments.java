package bad;

import com.example.payments.PaymentsEvents;
import com.example.payments.PaymentsHandler;
import com.example.payments.PaymentsPublisher;

/** Compiles only if the good record's classes were generated despite the bad records beside it. */
final class UsesPayments {
  private UsesPayments() {}

  static Object use(PaymentsPublisher publisher, PaymentsHandler handler) {
    return PaymentsEvents.PAYMENT_FAILED.codec();
  }
}
