package com.example.payments;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import javax.annotation.processing.Generated;

/**
 * Handles the events of {@code Payments}, one method per event. Adding an event adds a method,
 * so every implementation stops compiling until it handles it; extend {@link Adapter} to
 * handle only some.
 */
@Generated("farm.moonx.events.processor.EventProcessor")
public interface PaymentsHandler {
  /**
   * Handles {@code payment.failed} ({@link PaymentFailed}).
   *
   * @throws Exception to have the delivery retried or dead-lettered
   */
  void onPaymentFailed(EventEnvelope<PaymentFailed> event, Delivery delivery) throws Exception;

  /**
   * Handles {@code payment.processed} ({@link PaymentProcessed}).
   *
   * @throws Exception to have the delivery retried or dead-lettered
   */
  void onPaymentProcessed(EventEnvelope<PaymentProcessed> event, Delivery delivery) throws
      Exception;

  /**
   * A {@link PaymentsHandler} that ignores every event; override the methods you need.
   */
  abstract class Adapter implements PaymentsHandler {
    /**
     * For subclasses.
     */
    protected Adapter() {
    }

    @Override
    public void onPaymentFailed(EventEnvelope<PaymentFailed> event, Delivery delivery) throws
        Exception {
    }

    @Override
    public void onPaymentProcessed(EventEnvelope<PaymentProcessed> event, Delivery delivery)
        throws Exception {
    }
  }
}
