package com.example.payments;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.CatalogRegistry;
import farm.moonx.events.spi.CodecSupport;
import farm.moonx.events.spi.EventCodec;
import farm.moonx.events.spi.RecordCodec;
import farm.moonx.events.spi.RecordValues;
import java.math.BigDecimal;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * The events of catalog {@code Payments} (topic {@code payments.events}): one descriptor per event.
 *
 * <p>Registered for {@link java.util.ServiceLoader}, so {@code EventRegistry.load()} finds it.
 */
@Generated("farm.moonx.events.processor.EventProcessor")
public final class PaymentsEvents extends CatalogRegistry {
  private static final RecordCodec<PaymentFailed> PAYMENT_FAILED_CODEC = RecordCodec.<PaymentFailed>builder(PaymentFailed.class, PaymentsEvents::paymentFailed, PaymentsEvents::newPaymentFailed)
      .longField("accountId", PaymentFailed::accountId)
      .field("paymentId", CodecSupport.STRING)
      .optional("reason", CodecSupport.STRING)
      .intField("attempts", PaymentFailed::attempts)
      .build();

  private static final RecordCodec<PaymentProcessed> PAYMENT_PROCESSED_CODEC = RecordCodec.<PaymentProcessed>builder(PaymentProcessed.class, PaymentsEvents::paymentProcessed, PaymentsEvents::newPaymentProcessed)
      .field("paymentId", CodecSupport.STRING)
      .field("userId", CodecSupport.STRING)
      .field("amount", CodecSupport.BIG_DECIMAL)
      .field("currency", CodecSupport.STRING)
      .field("processedAt", CodecSupport.INSTANT)
      .build();

  /**
   * {@code payment.failed} version 1.0: {@link PaymentFailed}.
   */
  public static final EventDescriptor<PaymentFailed> PAYMENT_FAILED = event("payment.failed", PaymentFailed.class, PAYMENT_FAILED_CODEC)
      .partitionKey(PAYMENT_FAILED_CODEC.partitionKey(0))
      .build();

  /**
   * {@code payment.processed} version 1.2: {@link PaymentProcessed}.
   */
  public static final EventDescriptor<PaymentProcessed> PAYMENT_PROCESSED = event("payment.processed", PaymentProcessed.class, PAYMENT_PROCESSED_CODEC)
      .version("1.2")
      .classification(DataClassification.CONFIDENTIAL)
      .partitionKey(PAYMENT_PROCESSED_CODEC.partitionKey(1))
      .build();

  /**
   * For {@link java.util.ServiceLoader}; every instance serves the same descriptors.
   */
  public PaymentsEvents() {
    super("Payments", PAYMENT_FAILED, PAYMENT_PROCESSED);
  }

  private static Object paymentFailed(PaymentFailed data, int component) {
    return switch (component) {
      case 1 -> data.paymentId();
      case 2 -> data.reason();
      default -> throw new IndexOutOfBoundsException(component);
    };
  }

  private static PaymentFailed newPaymentFailed(RecordValues v) {
    return new PaymentFailed(v.getLong(0), v.<String>get(1), v.<String>optional(2), v.getInt(3));
  }

  private static Object paymentProcessed(PaymentProcessed data, int component) {
    return switch (component) {
      case 0 -> data.paymentId();
      case 1 -> data.userId();
      case 2 -> data.amount();
      case 3 -> data.currency();
      case 4 -> data.processedAt();
      default -> throw new IndexOutOfBoundsException(component);
    };
  }

  private static PaymentProcessed newPaymentProcessed(RecordValues v) {
    return new PaymentProcessed(v.<String>get(0), v.<String>get(1), v.<BigDecimal>get(2), v.<String>get(3), v.<Instant>get(4));
  }

  private static <T> EventDescriptor.Builder<T> event(String name, Class<T> type,
      EventCodec<T> codec) {
    return EventDescriptor.builder(name, type, codec).classification(DataClassification.INTERNAL).topic("payments.events");
  }
}
