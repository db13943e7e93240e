package farm.moonx.events.examples;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventPublisher;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.examples.shop.PaymentProcessed;
import farm.moonx.events.examples.shop.ShopPublisher;
import farm.moonx.events.examples.shop.UserRegistered;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The billing service: charges the first month of a new user's plan and says so with a
 * {@code payment.processed} event caused by the sign-up.
 */
public final class BillingService {
  private final ShopPublisher events;
  private final Clock clock;
  private final Duration ackTimeout;

  /** Publishes payments through {@code publisher}, waiting at most {@code ackTimeout} for each. */
  public BillingService(EventPublisher publisher, Clock clock, Duration ackTimeout) {
    this.events = new ShopPublisher(publisher);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
  }

  /**
   * Handles {@code user.registered}. It returns only once the payment event is acknowledged, so
   * the sign-up's offset is committed after the payment is safely on Kafka; a failure is
   * thrown, and the container retries the sign-up. Ids derive from the user, so a redelivered
   * sign-up produces the same payment id and downstream services can recognise it.
   */
  public void onUserRegistered(EventEnvelope<UserRegistered> signup, Delivery context) throws Exception {
    UserRegistered user = signup.data();
    PaymentProcessed payment = new PaymentProcessed(
        "pay-" + user.userId(), user.userId(), "ord-" + user.userId(),
        user.plan().monthlyPrice(), "EUR", clock.instant());
    events.paymentProcessed(payment, PublishOptions.causedBy(signup)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
