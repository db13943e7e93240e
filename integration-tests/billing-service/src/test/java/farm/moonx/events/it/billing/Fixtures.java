package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.PublishResult;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.it.payments.PaymentsPublisher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Events the drills publish, and publishing them all. */
final class Fixtures {
  private Fixtures() {}

  /** Request number {@code sequence}, on one of 37 accounts (so every partition gets some). */
  static PaymentRequested request(long sequence) {
    return new PaymentRequested("req-" + sequence, "acct-" + (sequence % 37), sequence,
        BigDecimal.valueOf(100 + sequence, 2), "EUR");
  }

  /** Publishes requests {@code from} (inclusive) to {@code to} (exclusive) and waits until all are acknowledged. */
  static List<PublishResult> publishRequests(PaymentsPublisher publisher, long from, long to) {
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    for (long i = from; i < to; i++) {
      futures.add(publisher.paymentRequested(request(i)));
    }
    List<PublishResult> results = new ArrayList<>();
    for (CompletableFuture<PublishResult> future : futures) {
      results.add(future.orTimeout(Clients.PATIENCE.toSeconds(), TimeUnit.SECONDS).join());
    }
    assertThat(results).allMatch(PublishResult::sent);
    return results;
  }
}
