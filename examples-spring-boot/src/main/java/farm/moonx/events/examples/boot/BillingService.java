package farm.moonx.events.examples.boot;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.examples.boot.shop.PaymentProcessed;
import farm.moonx.events.examples.boot.shop.ShopHandler;
import farm.moonx.events.examples.boot.shop.ShopPublisher;
import farm.moonx.events.examples.boot.shop.UserRegistered;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * Charges every new user: a {@code ShopHandler} bean, so the starter gives it a consumer
 * container (group {@code billingService}). It handles only sign-ups; the adapter ignores the rest.
 */
@Service
public class BillingService extends ShopHandler.Adapter {

  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final ShopPublisher events;

  public BillingService(ShopPublisher events) {
    this.events = events;
  }

  @Override
  public void onUserRegistered(EventEnvelope<UserRegistered> event, Delivery delivery) throws Exception {
    UserRegistered user = event.data();
    BigDecimal amount = "pro".equals(user.plan()) ? new BigDecimal("19.00") : new BigDecimal("5.00");
    // Caused by the sign-up, in its correlation: the audit trail links the two.
    events.paymentProcessed(new PaymentProcessed("pay-" + user.userId(), user.userId(), amount),
            PublishOptions.causedBy(event))
        .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
