package farm.moonx.events.examples;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventPublisher;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.examples.shop.OrderCompleted;
import farm.moonx.events.examples.shop.OrderCompletedV1;
import farm.moonx.events.examples.shop.OrderLine;
import farm.moonx.events.examples.shop.PaymentProcessed;
import farm.moonx.events.examples.shop.ShopEvents;
import farm.moonx.events.examples.shop.ShopPublisher;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The order service: once a subscription is paid, it completes the order (the month of
 * service plus a free welcome kit) and publishes {@code order.completed} caused by the payment.
 * An instance not yet upgraded ({@link #legacy}) still publishes version 1.
 */
public final class OrderService {
  private static final String SUBSCRIPTION_SKU = "subscription-1m";
  private static final String WELCOME_KIT_SKU = "welcome-kit";

  private final ShopPublisher events;
  private final Clock clock;
  private final Duration ackTimeout;
  private final EventPublisher v1;

  /** Publishes orders through {@code publisher}, waiting at most {@code ackTimeout} for each. */
  public OrderService(EventPublisher publisher, Clock clock, Duration ackTimeout) {
    this(publisher, clock, ackTimeout, null);
  }

  private OrderService(EventPublisher publisher, Clock clock, Duration ackTimeout, EventPublisher v1) {
    this.events = new ShopPublisher(publisher);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    this.v1 = v1;
  }

  /** An instance still on the old release: it publishes {@code order.completed} version 1.0. */
  public static OrderService legacy(EventPublisher publisher, Clock clock, Duration ackTimeout) {
    return new OrderService(publisher, clock, ackTimeout, publisher);
  }

  /**
   * Handles {@code payment.processed}; like billing, it returns only once its own event is
   * acknowledged, so nothing is lost between the two.
   */
  public void onPaymentProcessed(EventEnvelope<PaymentProcessed> paid, Delivery context) throws Exception {
    PaymentProcessed payment = paid.data();
    List<OrderLine> lines = List.of(
        new OrderLine(SUBSCRIPTION_SKU, 1, payment.amount()),
        new OrderLine(WELCOME_KIT_SKU, 1, BigDecimal.ZERO));
    BigDecimal total = lines.stream()
        .map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (v1 != null) {
      OrderCompletedV1 order = new OrderCompletedV1(
          payment.orderId(), payment.userId(), payment.paymentId(), total, clock.instant());
      v1.publish(ShopEvents.ORDER_COMPLETED_V1, order, PublishOptions.causedBy(paid))
          .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    OrderCompleted order = new OrderCompleted(
        payment.orderId(), payment.userId(), payment.paymentId(), lines, total, clock.instant());
    events.orderCompleted(order, PublishOptions.causedBy(paid)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
