package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.ORDER_PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own surefire execution with every OpenTelemetry jar removed from the class path
 * (see the pom): publishing, consuming, retrying and a handler that publishes all work, with
 * no error and no trace headers.
 */
class WithoutOpenTelemetryTest {
  private static final TopicPartition P0 = new TopicPartition("orders", 0);

  @Test
  void publishAndConsumeWorkWithNoOpenTelemetryOnTheClassPath() throws Exception {
    // Only the surefire execution that removes OpenTelemetry sets this (-Dtest=… runs it in both).
    assumeTrue(Boolean.getBoolean("moonx.test.withoutOpenTelemetry"), "runs in the without-opentelemetry execution");
    assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.OpenTelemetry"))
        .isInstanceOf(ClassNotFoundException.class);

    MockProducer<String, byte[]> out = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    List<String> handled = new CopyOnWriteArrayList<>();
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        EventPublisherConfig.builder("orders-service").bootstrapServers("unused:9092").build(), out)) {
      TestRecords records = new TestRecords();
      List<ConsumerRecord<byte[], byte[]>> consumed = List.of(
          records.event("orders", 0, 0, ORDER_PLACED, new Order("o-1", "c-1", 1)),
          records.event("orders", 0, 1, ORDER_PLACED, new Order("o-2", "c-1", 2)));
      ReplayingConsumer consumer = new ReplayingConsumer().assignOnFirstPoll(List.of(P0), consumed);
      EventConsumerConfig config = EventConsumerConfig.builder("billing").bootstrapServers("unused:9092")
          .topics("orders").retryPolicy(RetryPolicy.builder().maxAttempts(2)
              .initialDelay(java.time.Duration.ofMillis(5)).build())
          .handler(ORDER_PLACED, (event, delivery) -> {
            if (event.data().orderId().equals("o-2") && delivery.deliveryAttempt() == 1) {
              throw new IllegalStateException("flaky"); // the retry path too
            }
            handled.add(event.data().orderId());
            publisher.publish(ORDER_PLACED, new Order(event.data().orderId() + "-next", "c-1", 9)).join();
          })
          .build();
      MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      try (KafkaEventConsumer container = KafkaEventConsumer.create(config, () -> consumer, dlq, Clock.systemUTC()).start()) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
        assertThat(container.healthCheck().up()).isTrue();
      }
      assertThat(dlq.history()).isEmpty();
    }
    assertThat(handled).containsExactly("o-1", "o-2");
    assertThat(out.history()).extracting(ProducerRecord::key).containsExactly("c-1", "c-1");
    assertThat(out.history()).allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent")).isNull());
  }
}
