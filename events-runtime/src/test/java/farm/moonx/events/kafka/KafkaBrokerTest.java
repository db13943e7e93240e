package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.TestRecords.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.OutgoingEvent;
import farm.moonx.events.PublishResult;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The publisher and the consumer container on a real broker (one per test JVM; a topic per test). */
@EmbeddedKafkaTest
class KafkaBrokerTest {
  KafkaCluster kafka;

  private KafkaEventPublisher publisher() {
    return KafkaEventPublisher.create(EventPublisherConfig.builder("orders-service")
        .bootstrapServers(kafka.bootstrapServers()).enableBatching(true).build());
  }

  private EventConsumerConfig.Builder consumer(String group, String topic) {
    return EventConsumerConfig.builder(group).bootstrapServers(kafka.bootstrapServers()).topics(topic)
        .pollTimeout(Duration.ofMillis(100))
        .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(100)).build());
  }

  @Test
  void tenThousandEventsArriveOnceEachInPerKeyOrderAndAreCommitted() throws Exception {
    String topic = "orders-10k";
    kafka.createTopic(topic, 3);
    EventDescriptor<Order> orders = KafkaTestEvents.orderPlaced(topic);
    int customers = 50;
    int perCustomer = 200;
    Map<String, List<Integer>> sequences = new ConcurrentHashMap<>();
    KafkaEventConsumer container = KafkaEventConsumer.create(consumer("orders-10k-group", topic).concurrency(3)
        .handler(orders, (event, delivery) -> sequences
            .computeIfAbsent(event.data().customerId(), c -> Collections.synchronizedList(new ArrayList<>()))
            .add(event.data().sequence()))
        .build()).start();
    try (KafkaEventPublisher publisher = publisher()) {
      // each of the three members owns one partition before anything is sent: no rebalance while consuming
      await().atMost(60, TimeUnit.SECONDS).until(() -> assignments(container.healthCheck()).equals(List.of(1, 1, 1)));

      List<CompletableFuture<PublishResult>> sent = new ArrayList<>();
      for (int seq = 0; seq < perCustomer; seq++) {
        for (int c = 0; c < customers; c++) {
          sent.add(publisher.publish(orders, new Order("o-" + c + "-" + seq, "customer-" + c, seq)));
        }
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      await().atMost(60, TimeUnit.SECONDS)
          .until(() -> sequences.values().stream().mapToInt(List::size).sum() >= customers * perCustomer);
      await().atMost(30, TimeUnit.SECONDS).until(() -> committedTotal("orders-10k-group") == customers * perCustomer);
    } finally {
      container.close(Duration.ofSeconds(10));
    }
    List<Integer> expected = IntStream.range(0, perCustomer).boxed().toList();
    assertThat(sequences).hasSize(customers);
    sequences.forEach((customer, seen) -> assertThat(seen).as(customer).containsExactlyElementsOf(expected));
  }

  /** The README's usage section, line for line (bar the test's topic and assertions). */
  @Test
  void theReadmeUsageRunsEndToEnd() throws Exception {
    kafka.createTopic("orders", 1);
    List<Order> billed = new CopyOnWriteArrayList<>();
    String bootstrapServers = kafka.bootstrapServers();

    // --- README: publish
    KafkaEventPublisher publisher = KafkaEventPublisher.create(
        EventPublisherConfig.builder("orders-service").bootstrapServers(bootstrapServers).build());
    publisher.publish(KafkaTestEvents.ORDER_PLACED, new Order("o-1", "c-1", 1)).join();

    // --- README: consume
    KafkaEventConsumer consumer = KafkaEventConsumer.create(EventConsumerConfig.builder("billing")
        .bootstrapServers(bootstrapServers).topics("orders")
        .handler(KafkaTestEvents.ORDER_PLACED, (event, delivery) -> billed.add(event.data()))
        .build()).start();

    await().atMost(30, TimeUnit.SECONDS).until(() -> !billed.isEmpty());
    // --- README: shutdown
    consumer.close(Duration.ofSeconds(10));
    publisher.close(Duration.ofSeconds(10));

    assertThat(billed).containsExactly(new Order("o-1", "c-1", 1));
  }

  @Test
  void aBatchIsPublishedAndConsumedWhole() throws Exception {
    String topic = "orders-batch";
    kafka.createTopic(topic, 2);
    EventDescriptor<Order> orders = KafkaTestEvents.orderPlaced(topic);
    List<OutgoingEvent<Order>> batch = IntStream.range(0, 200)
        .mapToObj(i -> OutgoingEvent.of(orders, new Order("o-" + i, "customer-" + (i % 7), i))).toList();
    List<String> received = new CopyOnWriteArrayList<>();

    try (KafkaEventPublisher publisher = publisher();
        KafkaEventConsumer container = KafkaEventConsumer.create(consumer("orders-batch-group", topic)
            .handler(orders, (event, delivery) -> received.add(event.data().orderId())).build()).start()) {
      BatchPublishResult result = publisher.publishBatch(batch);
      List<PublishResult> results = result.all().get(30, TimeUnit.SECONDS);
      assertThat(results).hasSize(200).allSatisfy(r -> assertThat(r.sent()).isTrue());
      assertThat(results.stream().map(r -> r.partition() + "@" + r.offset())).doesNotHaveDuplicates();

      await().atMost(30, TimeUnit.SECONDS).until(() -> received.size() >= 200);
      assertThat(container.healthCheck().up()).isTrue();
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(batch.stream().map(e -> e.data().orderId()).toList());
  }

  @Test
  void poisonAndUnreadableRecordsAreDeadLetteredWhileTheRestFlow() throws Exception {
    String topic = "orders-poison";
    kafka.createTopic(topic, 1);
    kafka.createTopic(topic + ".dlq", 1);
    EventDescriptor<Order> orders = KafkaTestEvents.orderPlaced(topic);
    List<String> handled = new CopyOnWriteArrayList<>();

    try (KafkaEventPublisher publisher = publisher();
        KafkaEventConsumer container = KafkaEventConsumer.create(consumer("orders-poison-group", topic)
            .handler(orders, (event, delivery) -> {
              if (event.data().orderId().equals("o-poison")) {
                throw new IllegalStateException("cannot process o-poison");
              }
              handled.add(event.data().orderId());
            }).build()).start()) {
      for (int i = 0; i < 5; i++) {
        publisher.publish(orders, new Order(i == 2 ? "o-poison" : "o-" + i, "c-1", i)).get(30, TimeUnit.SECONDS);
      }
      try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(kafka.clientConfig(),
          new ByteArraySerializer(), new ByteArraySerializer())) {
        raw.send(new ProducerRecord<>(topic, "c-1".getBytes(StandardCharsets.UTF_8),
            "{not json".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
      }
      publisher.publish(orders, new Order("o-last", "c-1", 6)).get(30, TimeUnit.SECONDS);

      await().atMost(30, TimeUnit.SECONDS).until(() -> handled.contains("o-last"));
      assertThat(handled).containsExactly("o-0", "o-1", "o-3", "o-4", "o-last");
      assertThat(container.healthCheck().up()).isTrue();

      List<ConsumerRecord<byte[], byte[]>> dead = readAll(topic + ".dlq", 2);
      assertThat(dead).extracting(r -> text(r.headers(), EventHeaders.DLQ_ERROR_CLASS))
          .containsExactly(IllegalStateException.class.getName(), MalformedEventException.class.getName());
      assertThat(dead).extracting(r -> text(r.headers(), EventHeaders.DLQ_ATTEMPTS)).containsExactly("3", "0");
      assertThat(dead).extracting(r -> text(r.headers(), EventHeaders.DLQ_ORIGINAL_OFFSET)).containsExactly("2", "5");
      assertThat(dead).extracting(r -> text(r.headers(), EventHeaders.DLQ_CONSUMER_GROUP))
          .containsOnly("orders-poison-group");
      assertThat(text(dead.get(0).headers(), EventHeaders.EVENT_TYPE)).isEqualTo("order.placed");
      assertThat(new String(dead.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
      assertThat(new String(dead.get(1).key(), StandardCharsets.UTF_8)).isEqualTo("c-1");
    }
  }

  @Test
  void aHandlerFailingTwiceThenSucceedingHandlesTheEventOnceWithNoDeadLetter() throws Exception {
    String topic = "orders-flaky";
    kafka.createTopic(topic, 1);
    kafka.createTopic(topic + ".dlq", 1);
    EventDescriptor<Order> orders = KafkaTestEvents.orderPlaced(topic);
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    List<String> succeeded = new CopyOnWriteArrayList<>();

    try (KafkaEventPublisher publisher = publisher();
        KafkaEventConsumer container = KafkaEventConsumer.create(consumer("orders-flaky-group", topic)
            .handler(orders, (event, delivery) -> {
              attempts.add(delivery.deliveryAttempt());
              if (delivery.deliveryAttempt() < 3) {
                throw new IllegalStateException("flaky downstream");
              }
              succeeded.add(event.data().orderId());
            }).build()).start()) {
      publisher.publish(orders, new Order("o-flaky", "c-1", 0)).get(30, TimeUnit.SECONDS);

      await().atMost(30, TimeUnit.SECONDS).until(() -> committedTotal("orders-flaky-group") == 1);
      assertThat(container.healthCheck().up()).isTrue();
    }
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(succeeded).containsExactly("o-flaky");
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      TopicPartition dlq = new TopicPartition(topic + ".dlq", 0);
      assertThat(admin.listOffsets(Map.of(dlq, OffsetSpec.latest())).partitionResult(dlq).get().offset()).isZero();
    }
  }

  @Test
  void unreachableBrokersGiveAClearErrorWithinTheConfiguredTimeouts() {
    EventPublisherConfig config = EventPublisherConfig.builder("orders-service").bootstrapServers("127.0.0.1:1")
        .healthTimeout(Duration.ofSeconds(1))
        .property("max.block.ms", 1_000)
        .property("request.timeout.ms", 1_000)
        .property("delivery.timeout.ms", 1_500)
        .build();
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(config)) {
      Health health = publisher.healthCheck();
      assertThat(health.up()).isFalse();
      assertThat(health.details())
          .containsEntry("bootstrap.servers", "127.0.0.1:1")
          .containsEntry("error", "no answer from the cluster within 1000 ms");

      CompletableFuture<PublishResult> future = publisher.publish(KafkaTestEvents.orderPlaced("nowhere"),
          new Order("o-1", "c-1", 1));
      assertThatThrownBy(() -> future.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(TimeoutException.class)
          // publish blocked for metadata only as long as max.block.ms allows, then failed the future
          .hasMessageContaining("nowhere").hasMessageContaining("after 1000 ms");
    }
  }

  /** How many partitions each consumer thread owns. */
  private static List<Integer> assignments(Health health) {
    return health.details().values().stream().filter(Map.class::isInstance)
        .map(thread -> ((List<?>) ((Map<?, ?>) thread).get("assignment")).size()).toList();
  }

  private long committedTotal(String group) throws Exception {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
          .values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(kafka.consumerConfig(topic + "-reader"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      reader.subscribe(List.of(topic));
      await().atMost(30, TimeUnit.SECONDS).until(() -> {
        ConsumerRecords<byte[], byte[]> polled = reader.poll(Duration.ofMillis(200));
        polled.forEach(records::add);
        return records.size() >= expected;
      });
    }
    return records;
  }
}
