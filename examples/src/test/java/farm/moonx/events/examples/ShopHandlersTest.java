package farm.moonx.events.examples;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.EventEnvelope;
import farm.moonx.events.examples.shop.Address;
import farm.moonx.events.examples.shop.PaymentProcessed;
import farm.moonx.events.examples.shop.Plan;
import farm.moonx.events.examples.shop.ShopDispatcher;
import farm.moonx.events.examples.shop.ShopEvents;
import farm.moonx.events.examples.shop.UserRegistered;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.testkit.harness.HandlerHarness;
import farm.moonx.events.testkit.harness.HandlerHarness.Decision;
import farm.moonx.events.testkit.harness.RecordingPublisher;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The shop's handlers unit-tested without a broker: events made by the real factory and codec,
 * delivered through the generated dispatcher with the container's own retry decisions, and
 * what a handler publishes recorded, typed.
 */
class ShopHandlersTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  private final UserRegistered signup = new UserRegistered("u-1", "u1@example.com", Plan.PLUS,
      new Address("1 Market Street", "Lyon", "FR"), clock.instant());

  @Test
  void billingChargesTheNewUsersPlanAsAPaymentCausedByTheSignUp() {
    RecordingPublisher published = RecordingPublisher.create("billing");
    BillingService billing = new BillingService(published, clock, Duration.ofSeconds(1));
    HandlerHarness harness = HandlerHarness.of(EventConsumerConfig.builder("billing").bootstrapServers("in-process:0")
        .topics("shop.events").handler(ShopEvents.USER_REGISTERED, billing::onUserRegistered).build());

    EventEnvelope<UserRegistered> event = harness.event(ShopEvents.USER_REGISTERED, signup);
    assertThat(harness.deliver(ShopEvents.USER_REGISTERED, signup).decision()).isEqualTo(Decision.DONE);

    assertThat(published.published(ShopEvents.PAYMENT_PROCESSED)).singleElement().satisfies(payment -> {
      assertThat(payment.data()).isEqualTo(new PaymentProcessed("pay-u-1", "u-1", "ord-u-1",
          new BigDecimal("9.99"), "EUR", clock.instant()));
      assertThat(payment.metadata().source()).isEqualTo("billing");
      assertThat(payment.metadata().causationId()).isNotNull();
      assertThat(payment.metadata().dataClassification().wireName()).isEqualTo("confidential");
    });
    assertThat(event.metadata().eventType()).isEqualTo("user.registered");
  }

  @Test
  void theAuditLinksASignUpToThePaymentItCausedThroughTheGeneratedDispatcher() {
    AuditService audit = new AuditService(clock);
    HandlerHarness harness = HandlerHarness.of(new ShopDispatcher(audit));
    RecordingPublisher published = RecordingPublisher.create("billing");
    BillingService billing = new BillingService(published, clock, Duration.ofSeconds(1));
    HandlerHarness billingHarness = HandlerHarness.of(EventConsumerConfig.builder("billing")
        .bootstrapServers("in-process:0").topics("shop.events")
        .handler(ShopEvents.USER_REGISTERED, billing::onUserRegistered).build());
    RecordingPublisher accounts = RecordingPublisher.create("accounts");
    accounts.publish(ShopEvents.USER_REGISTERED, signup).join();

    // the same sign-up record to both services, then billing's payment to the audit
    assertThat(billingHarness.deliver(accounts.all().get(0).record()).decision()).isEqualTo(Decision.DONE);
    assertThat(harness.deliver(accounts.all().get(0).record()).decision()).isEqualTo(Decision.DONE);
    assertThat(harness.deliver(published.all().get(0).record()).decision()).isEqualTo(Decision.DONE);

    assertThat(audit.handled(ShopEvents.USER_REGISTERED.name())).isEqualTo(1);
    assertThat(audit.handled(ShopEvents.PAYMENT_PROCESSED.name())).isEqualTo(1);
    String signupId = accounts.published(ShopEvents.USER_REGISTERED).get(0).eventId();
    assertThat(published.published(ShopEvents.PAYMENT_PROCESSED).get(0).metadata().causationId()).isEqualTo(signupId);
  }
}
