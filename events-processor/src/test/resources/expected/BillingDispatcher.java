package com.example.billing;

import com.example.kitchen.KitchenEvents;
import com.example.payments.PaymentsEvents;
import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.spi.EventDispatcher;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Routes each envelope of {@code Billing} to its {@link BillingHandler} method; returns false for other types.
 */
@Generated("farm.moonx.events.processor.EventProcessor")
public final class BillingDispatcher implements EventDispatcher {
  private static final EventRegistry REGISTRY = EventRegistry.of(KitchenEvents.KITCHEN_AWKWARD, KitchenEvents.KITCHEN_EVERYTHING, PaymentsEvents.PAYMENT_PROCESSED);

  private final BillingHandler handler;

  /**
   * Dispatches to {@code handler}.
   */
  public BillingDispatcher(BillingHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public EventRegistry registry() {
    return REGISTRY;
  }

  @Override
  public boolean dispatch(EventEnvelope<?> envelope, Delivery delivery) throws Exception {
    String eventType = envelope.eventType();
    if (eventType == null) {
      return false;
    }
    switch (eventType) {
      case "kitchen.awkward" -> handler.onKitchenAwkward(KitchenEvents.KITCHEN_AWKWARD.castEnvelope(envelope), delivery);
      case "kitchen.everything" -> handler.onKitchenEverything(KitchenEvents.KITCHEN_EVERYTHING.castEnvelope(envelope), delivery);
      case "payment.processed" -> handler.onPaymentProcessed(PaymentsEvents.PAYMENT_PROCESSED.castEnvelope(envelope), delivery);
      default -> {
        return false;
      }
    }
    return true;
  }
}
