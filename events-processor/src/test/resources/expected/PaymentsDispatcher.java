package com.example.payments;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.spi.EventDispatcher;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Routes each envelope of {@code Payments} to its {@link PaymentsHandler} method; returns false for other types.
 */
@Generated("farm.moonx.events.processor.EventProcessor")
public final class PaymentsDispatcher implements EventDispatcher {
  private static final EventRegistry REGISTRY = EventRegistry.of(PaymentsEvents.PAYMENT_FAILED, PaymentsEvents.PAYMENT_PROCESSED);

  private final PaymentsHandler handler;

  /**
   * Dispatches to {@code handler}.
   */
  public PaymentsDispatcher(PaymentsHandler handler) {
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
      case "payment.failed" -> handler.onPaymentFailed(PaymentsEvents.PAYMENT_FAILED.castEnvelope(envelope), delivery);
      case "payment.processed" -> handler.onPaymentProcessed(PaymentsEvents.PAYMENT_PROCESSED.castEnvelope(envelope), delivery);
      default -> {
        return false;
      }
    }
    return true;
  }
}
