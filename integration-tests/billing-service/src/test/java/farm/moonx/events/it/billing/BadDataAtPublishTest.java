package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.PublishResult;
import farm.moonx.events.it.payments.PaymentProcessed;
import farm.moonx.events.it.payments.PaymentsEvents;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/**
 * Bad data at publish time: missing required fields, malformed names, context that is not
 * JSON, events larger than the producer may send. Each is rejected with an error saying what
 * is wrong, and nothing of it reaches the topic, not even part of a batch.
 */
@EmbeddedKafkaTest
class BadDataAtPublishTest {
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  static KafkaCluster kafka;

  @Test
  void badEventsAreRejectedClearlyAndNothingIsHalfSent() throws Exception {
    String topic = Clients.uniqueTopic("bad-data");
    kafka.createTopic(topic, 1);
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
    int attempted = 0;
    List<Throwable> rejections = new ArrayList<>();
    PublishResult sentinel;
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(Clients.publisherConfig(kafka.bootstrapServers(), topic)
        .property(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES)
        .property(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000)
        .build())) {
      PaymentsPublisher payments = new PaymentsPublisher(publisher);

      // Required fields missing: every one named, in one error.
      attempted++;
      Throwable nulls = failure(payments.paymentProcessed(new PaymentProcessed(null, "u-1", null, "USD", now)));
      assertThat(nulls).isInstanceOf(EventValidationException.class);
      assertThat(((EventValidationException) nulls).errors())
          .contains("data.paymentId: is required", "data.amount: is required");
      rejections.add(nulls);

      // An event name that is not a lowercase dotted name (a descriptor written by hand, not
      // generated): refused when the descriptor is built, so nothing can be published with it.
      assertThatThrownBy(() -> EventDescriptor.builder("Payment Processed!", PaymentProcessed.class,
              PaymentsEvents.PAYMENT_PROCESSED.codec()).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"Payment Processed!\" is not a valid event name");

      // A context value that has no JSON form.
      attempted++;
      Throwable badContext = failure(payments.paymentProcessed(payment("p-bad-context", 1),
          PublishOptions.builder().context("thread", new Object()).build()));
      assertThat(badContext).isInstanceOf(EventValidationException.class).hasMessageContaining("metadata.context");
      rejections.add(badContext);

      // An event above max.request.size: refused by the producer before anything is sent.
      attempted++;
      Throwable oversize = failure(payments.paymentProcessed(
          new PaymentProcessed("p-" + "x".repeat(MAX_REQUEST_BYTES), "u-1", BigDecimal.ONE, "USD", now)));
      assertThat(oversize).isInstanceOf(RecordTooLargeException.class).hasMessageContaining("max.request.size");
      rejections.add(oversize);

      // A batch with one invalid event among valid ones: none of it is sent.
      List<PaymentProcessed> batch = List.of(payment("p-batch-1", 1), new PaymentProcessed("p-batch-2", null,
          BigDecimal.ONE, "USD", now), payment("p-batch-3", 3));
      attempted += batch.size();
      BatchPublishResult result = payments.publishAll(batch);
      Throwable batchFailure = failure(result.all());
      assertThat(batchFailure).isInstanceOf(EventValidationException.class)
          .hasMessageContaining("events[1] payment.processed: data.userId: is required");
      for (CompletableFuture<PublishResult> each : result.results()) {
        assertThat(failure(each)).isInstanceOf(EventValidationException.class);
      }
      rejections.add(batchFailure);

      // A batch mixing in an object that is not an event of the catalog: rejected before anything.
      assertThatThrownBy(() -> payments.publishAll(List.of(payment("p-mixed", 1), "not an event")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");

      // Through the same publisher, a good event still goes out.
      attempted++;
      sentinel = payments.paymentProcessed(payment("p-good", 42)).get(30, TimeUnit.SECONDS);
    }

    // An illegal topic name: the producer refuses it, the future says which.
    attempted++;
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), "bad topic name!")
            .property(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000).build())) {
      Throwable badTopic = failure(publisher.publish(PaymentsEvents.PAYMENT_PROCESSED, payment("p-bad-topic", 1)));
      assertThat(badTopic).isInstanceOf(InvalidTopicException.class);
      rejections.add(badTopic);
    }

    List<ConsumerRecord<String, String>> inTopic = Clients.readToEnd(kafka.bootstrapServers(), topic);
    assertThat(inTopic).as("only the good event reached the topic").hasSize(1);
    assertThat(inTopic.get(0).offset()).isEqualTo(sentinel.offset());
    assertThat(inTopic.get(0).value()).contains("\"p-good\"");
    int accepted = inTopic.size();
    DrillReport.of("bad-data", attempted, accepted, 0, 0, 0)
        .with("rejected", attempted - accepted)
        .with("errors", rejections.stream().map(e -> e.getClass().getSimpleName()).distinct().toList()).print();
  }

  private static PaymentProcessed payment(String id, int cents) {
    return new PaymentProcessed(id, "u-1", BigDecimal.valueOf(cents, 2), "USD", Instant.ofEpochMilli(1732700000000L));
  }

  /** The error a publish future failed with (bounded wait); fails the test if it succeeded. */
  private static Throwable failure(CompletableFuture<?> future) {
    try {
      Object value = future.orTimeout(30, TimeUnit.SECONDS).join();
      throw new AssertionError("expected a rejection, but it was published: " + value);
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
