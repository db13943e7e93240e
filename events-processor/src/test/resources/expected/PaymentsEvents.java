package com.example.payments;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.CatalogRegistry;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The events of catalog {@code Payments} (topic {@code payments.events}): one descriptor per event.
 *
 * <p>Registered for {@link java.util.ServiceLoader}, so {@code EventRegistry.load()} finds it.
 */
@Generated("farm.moonx.events.processor.EventProcessor")
public final class PaymentsEvents extends CatalogRegistry {
  /**
   * {@code payment.failed} version 1.0: {@link PaymentFailed}.
   */
  public static final EventDescriptor<PaymentFailed> PAYMENT_FAILED = EventDescriptor.builder("payment.failed", PaymentFailed.class, PaymentFailedCodec.INSTANCE)
      .version("1.0")
      .classification(DataClassification.INTERNAL)
      .topic("payments.events")
      .partitionKey(data -> String.valueOf(data.accountId()))
      .validator(PaymentsEvents::validatePaymentFailed)
      .build();

  /**
   * {@code payment.processed} version 1.2: {@link PaymentProcessed}.
   */
  public static final EventDescriptor<PaymentProcessed> PAYMENT_PROCESSED = EventDescriptor.builder("payment.processed", PaymentProcessed.class, PaymentProcessedCodec.INSTANCE)
      .version("1.2")
      .classification(DataClassification.CONFIDENTIAL)
      .topic("payments.events")
      .partitionKey(data -> data.userId())
      .validator(PaymentsEvents::validatePaymentProcessed)
      .build();

  /**
   * For {@link java.util.ServiceLoader}; every instance serves the same descriptors.
   */
  public PaymentsEvents() {
    super("Payments", PAYMENT_FAILED, PAYMENT_PROCESSED);
  }

  private static void validatePaymentFailed(PaymentFailed data, List<String> errors) {
    if (data.paymentId() == null) {
      errors.add("data.paymentId: is required");
    }
    if (data.reason() == null) {
      errors.add("data.reason: is required (use Optional.empty(), not null)");
    }
  }

  private static void validatePaymentProcessed(PaymentProcessed data, List<String> errors) {
    if (data.paymentId() == null) {
      errors.add("data.paymentId: is required");
    }
    if (data.userId() == null) {
      errors.add("data.userId: is required");
    }
    if (data.amount() == null) {
      errors.add("data.amount: is required");
    }
    if (data.currency() == null) {
      errors.add("data.currency: is required");
    }
    if (data.processedAt() == null) {
      errors.add("data.processedAt: is required");
    }
  }
}
