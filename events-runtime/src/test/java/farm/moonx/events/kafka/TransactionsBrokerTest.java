package farm.moonx.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.OutgoingEvent;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, items 10 and 11, on a real broker: a transactional {@code publishBatch} is written
 * or aborted as one, and a consumer that joins its publisher's transactions commits what its
 * handler published together with the consumed offset.
 */
@EmbeddedKafkaTest
class TransactionsBrokerTest {
  KafkaCluster kafka;

  private KafkaEventPublisher publisher(String transactionalId, int maxRequestSize) {
    EventPublisherConfig.Builder config = EventPublisherConfig.builder("orders-service")
        .bootstrapServers(kafka.bootstrapServers()).property("max.request.size", maxRequestSize);
    if (transactionalId != null) {
      config.transactionalId(transactionalId);
    }
    return KafkaEventPublisher.create(config.build());
  }

  /** Every record of {@code topic}, read as a {@code read_committed} (or uncommitted) reader. */
  private List<ConsumerRecord<byte[], byte[]>> read(String topic, boolean committedOnly) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static List<OutgoingEvent<?>> batchWithAnOversizeMiddle(EventDescriptor<Order> orders) {
    return List.of(OutgoingEvent.of(orders, new Order("o-1", "c-1", 1)),
        OutgoingEvent.of(orders, new Order("o-2-" + "x".repeat(4_000), "c-1", 2)),
        OutgoingEvent.of(orders, new Order("o-3", "c-1", 3)));
  }

  @Test
  void aNonTransactionalBatchWithAnOversizeMiddleEventWritesTheOthers() {
    String topic = "batch-plain-" + UUID.randomUUID();
    kafka.createTopic(topic, 1);
    try (KafkaEventPublisher publisher = publisher(null, 2_000)) {
      BatchPublishResult result = publisher.publishBatch(batchWithAnOversizeMiddle(KafkaTestEvents.orderPlaced(topic)));
      assertThat(result.all()).failsWithin(Duration.ofSeconds(30));
      assertThat(result.results().get(0)).succeedsWithin(Duration.ofSeconds(30));
    }
    assertThat(read(topic, true)).hasSize(2); // what the javadoc promises: per-event delivery
  }

  @Test
  void aTransactionalBatchIsAbortedAsOneAndTheNextIsCommittedAsOne() {
    String topic = "batch-tx-" + UUID.randomUUID();
    kafka.createTopic(topic, 1);
    EventDescriptor<Order> orders = KafkaTestEvents.orderPlaced(topic);
    try (KafkaEventPublisher publisher = publisher("orders-tx-" + UUID.randomUUID(), 2_000)) {
      BatchPublishResult failed = publisher.publishBatch(batchWithAnOversizeMiddle(orders));
      for (CompletableFuture<?> future : failed.results()) {
        assertThat(future).isCompletedExceptionally();
      }
      BatchPublishResult good = publisher.publishBatch(List.of(OutgoingEvent.of(orders, new Order("o-4", "c-1", 4)),
          OutgoingEvent.of(orders, new Order("o-5", "c-1", 5))));
      assertThat(good.all()).succeedsWithin(Duration.ofSeconds(30));
      assertThat(publisher.publish(orders, new Order("o-6", "c-1", 6))).succeedsWithin(Duration.ofSeconds(30));
    }
    assertThat(read(topic, true)).hasSize(3);
  }

  @Test
  void aHandlerThatPublishesCommitsItsOutputWithTheConsumedOffsetAndAnAbortedAttemptLeavesNothing() {
    String in = "chain-in-" + UUID.randomUUID();
    String out = "chain-out-" + UUID.randomUUID();
    kafka.createTopic(in, 1);
    kafka.createTopic(out, 1);
    EventDescriptor<Order> input = KafkaTestEvents.orderPlaced(in);
    EventDescriptor<Order> output = KafkaTestEvents.orderPlaced(out);
    int events = 20;
    try (KafkaEventPublisher upstream = publisher(null, 1_048_576)) {
      for (int i = 0; i < events; i++) {
        upstream.publish(input, new Order("o-" + i, "c-1", i)).join();
      }
    }
    List<String> attempts = new CopyOnWriteArrayList<>();
    try (KafkaEventPublisher answers = publisher("billing-chain-" + UUID.randomUUID(), 1_048_576);
        KafkaEventConsumer chain = KafkaEventConsumer.create(EventConsumerConfig.builder("chain-" + UUID.randomUUID())
            .bootstrapServers(kafka.bootstrapServers()).topics(in).pollTimeout(Duration.ofMillis(100))
            .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(50)).build())
            .exactlyOnce(answers)
            .handler(input, (event, delivery) -> {
              attempts.add(event.data().orderId() + "#" + delivery.deliveryAttempt());
              answers.publish(output, new Order("answer-" + event.data().orderId(), "c-1", event.data().sequence())).join();
              if (event.data().sequence() == 7 && delivery.deliveryAttempt() == 1) {
                throw new IllegalStateException("fails after publishing: the answer must not stay");
              }
            }).build()).start()) {
      await().atMost(60, TimeUnit.SECONDS).until(() -> read(out, true).size() >= events);
      assertThat(chain.healthCheck().up()).isTrue();
    }
    List<ConsumerRecord<byte[], byte[]>> committed = read(out, true);
    assertThat(committed).hasSize(events);
    assertThat(attempts).contains("o-7#1", "o-7#2");
    assertThat(read(out, false)).as("the aborted answer was written, then aborted").hasSizeGreaterThan(events);
  }
}
