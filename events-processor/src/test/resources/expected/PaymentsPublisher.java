package com.example.payments;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventPublisher;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.OutgoingEvent;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.PublishResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Publishes the events of catalog {@code Payments} with their descriptors.
 */
@Generated("farm.moonx.events.processor.EventProcessor")
public final class PaymentsPublisher {
  private static final EventRegistry EVENTS = new PaymentsEvents();

  private final EventPublisher publisher;

  /**
   * Publishes through {@code publisher}.
   */
  public PaymentsPublisher(EventPublisher publisher) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /**
   * Publishes {@code payment.failed}; completes when the broker has acknowledged it.
   */
  public CompletableFuture<PublishResult> paymentFailed(PaymentFailed event) {
    return publisher.publish(PaymentsEvents.PAYMENT_FAILED, event, PublishOptions.none());
  }

  /**
   * Publishes {@code payment.failed} with {@code options}.
   */
  public CompletableFuture<PublishResult> paymentFailed(PaymentFailed event,
      PublishOptions options) {
    return publisher.publish(PaymentsEvents.PAYMENT_FAILED, event, options);
  }

  /**
   * Publishes {@code payment.processed}; completes when the broker has acknowledged it.
   */
  public CompletableFuture<PublishResult> paymentProcessed(PaymentProcessed event) {
    return publisher.publish(PaymentsEvents.PAYMENT_PROCESSED, event, PublishOptions.none());
  }

  /**
   * Publishes {@code payment.processed} with {@code options}.
   */
  public CompletableFuture<PublishResult> paymentProcessed(PaymentProcessed event,
      PublishOptions options) {
    return publisher.publish(PaymentsEvents.PAYMENT_PROCESSED, event, options);
  }

  /**
   * Publishes every record of {@code events}, each as its event type; nothing is sent if one is invalid.
   *
   * @throws IllegalArgumentException if an element is not one of this catalog's records
   */
  public BatchPublishResult publishAll(Collection<?> events) {
    return publishAll(events, PublishOptions.none());
  }

  /**
   * Publishes every record of {@code events} with the same {@code options}.
   *
   * @throws IllegalArgumentException if an element is not one of this catalog's records
   */
  public BatchPublishResult publishAll(Collection<?> events, PublishOptions options) {
    List<OutgoingEvent<?>> batch = new ArrayList<>(events.size());
    for (Object event : events) {
      Class<?> type = event == null ? Void.class : event.getClass();
      batch.add(outgoing(type, event, options));
    }
    return publisher.publishBatch(batch);
  }

  private static <T> OutgoingEvent<T> outgoing(Class<T> type, Object event,
      PublishOptions options) {
    EventDescriptor<T> descriptor = EVENTS.find(type).orElseThrow(() -> new IllegalArgumentException("catalog Payments has no event for "
            + (event == null ? "null" : type.getName()) + "; its records are com.example.payments.PaymentFailed, com.example.payments.PaymentProcessed"));
    return OutgoingEvent.of(descriptor, descriptor.cast(event), options);
  }
}
