package farm.moonx.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.PublishResult;
import farm.moonx.events.kafka.DeadLetters.Entry;
import farm.moonx.events.kafka.DeadLetters.Filter;
import farm.moonx.events.kafka.DeadLetters.ReplayOptions;
import farm.moonx.events.kafka.DeadLetters.ReplayReport;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The dead-letter reader and replay on a real broker: 10,000 events, 1 % poison. */
@EmbeddedKafkaTest
class DeadLettersBrokerTest {
  private static final int EVENTS = 10_000;
  KafkaCluster kafka;

  /** Every 100th order is poison: 95 the handler cannot bill until fixed, 5 invalid for good. */
  private static boolean poison(int i) {
    return i % 100 == 42;
  }

  private static boolean invalid(int i) {
    return poison(i) && i % 2_000 == 42;
  }

  @Test
  void theReaderListsExactlyThePoisonAndAReplayIsHandledOnceThenNeverAgain() throws Exception {
    String topic = "dl-orders";
    String dlq = topic + ".dlq";
    kafka.createTopic(topic, 3);
    kafka.createTopic(dlq, 2);
    EventDescriptor<Order> orders = KafkaTestEvents.orderPlaced(topic);
    AtomicBoolean fixed = new AtomicBoolean();
    Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    Map<String, String> replayedFrom = new ConcurrentHashMap<>();
    Set<String> dlqHeadersSeen = ConcurrentHashMap.newKeySet();

    try (KafkaEventConsumer container = KafkaEventConsumer.create(EventConsumerConfig.builder("dl-billing")
        .bootstrapServers(kafka.bootstrapServers()).topics(topic).concurrency(3).pollTimeout(Duration.ofMillis(100))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(5))
            .maxDelay(Duration.ofMillis(10)).build())
        .handler(orders, (event, delivery) -> {
          if (event.data().orderId().startsWith("poison") && !fixed.get()) {
            throw new IllegalStateException("cannot bill " + event.data().orderId());
          }
          handled.computeIfAbsent(event.data().orderId(), id -> new AtomicInteger()).incrementAndGet();
          delivery.header(EventHeaders.REPLAYED_FROM).ifPresent(from -> replayedFrom.put(event.data().orderId(), from));
          delivery.headers().keySet().stream().filter(k -> k.startsWith(EventHeaders.DLQ_PREFIX)).forEach(dlqHeadersSeen::add);
        }).build()).start();
        KafkaEventPublisher publisher = KafkaEventPublisher.create(EventPublisherConfig.builder("orders-service")
            .bootstrapServers(kafka.bootstrapServers()).enableBatching(true).enableValidation(false).build());
        DeadLetters deadLetters = DeadLetters.builder(dlq).bootstrapServers(kafka.bootstrapServers())
            .registry(EventRegistry.of(orders)).build()) {
      Instant start = Instant.now();
      List<CompletableFuture<PublishResult>> sent = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        String id = (poison(i) ? "poison-" : "o-") + i;
        sent.add(publisher.publish(orders, new Order(id, "customer-" + (i % 37), invalid(i) ? -1 : i)));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      await().atMost(60, TimeUnit.SECONDS).until(() -> endOffsets(dlq) == EVENTS / 100);
      await().atMost(60, TimeUnit.SECONDS).until(() -> handled.size() == EVENTS - EVENTS / 100);

      // --- the reader lists exactly the poison records, with their reasons
      List<Entry> entries = deadLetters.list(Filter.all());
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < EVENTS; i++) {
        if (poison(i)) {
          expected.add("poison-" + i);
        }
      }
      assertThat(entries).hasSize(100);
      assertThat(entries).extracting(e -> ((Order) e.event().data()).orderId())
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(entries).allSatisfy(e -> {
        assertThat(e.originalTopic()).isEqualTo(topic);
        assertThat(e.consumerGroup()).isEqualTo("dl-billing");
        assertThat(e.eventType()).isEqualTo("order.placed");
        assertThat(e.key()).startsWith("customer-");
        assertThat(e.failedAt()).isAfterOrEqualTo(start.minusSeconds(1));
        assertThat(e.originalTimestamp()).isNotNull();
        assertThat(e.originalPartition()).isBetween(0, 2);
        assertThat(e.originalOffset()).isNotNegative();
      });
      List<Entry> handlerFailures = deadLetters.list(Filter.all().errorClasses(Set.of("IllegalStateException")));
      assertThat(handlerFailures).hasSize(95).allSatisfy(e -> {
        assertThat(e.failure().message()).isEqualTo("cannot bill " + ((Order) e.event().data()).orderId());
        assertThat(e.attempts()).isEqualTo(2);
      });
      List<Entry> invalidOnes = deadLetters.list(Filter.all().errorClasses(Set.of(EventValidationException.class.getName())));
      assertThat(invalidOnes).hasSize(5).allSatisfy(e -> {
        assertThat(e.failure().fieldPath()).isEqualTo("data.sequence");
        assertThat(e.attempts()).isZero();
      });
      // filters by original partition/offset range and time
      Entry one = entries.get(0);
      assertThat(deadLetters.list(Filter.all().original(one.originalPartition(), one.originalOffset(), one.originalOffset())))
          .containsExactly(one);
      assertThat(deadLetters.list(Filter.all().failedBetween(Instant.now().plusSeconds(60), null))).isEmpty();
      assertThat(deadLetters.list(Filter.all().eventTypes(Set.of("payment.processed")))).isEmpty();
      assertThat(deadLetters.entry(one.partition(), one.offset())).contains(one);

      // --- a dry run sends nothing and saves no progress
      long before = endOffsets(topic);
      ReplayReport dry = deadLetters.replay(Filter.all(), ReplayOptions.defaults().dryRun(true));
      assertThat(dry.sent()).hasSize(95);
      assertThat(dry.rejected()).hasSize(5)
          .allSatisfy(r -> assertThat(r.reason()).contains("data.sequence: must not be negative"));
      assertThat(endOffsets(topic)).isEqualTo(before);

      // --- after fixing the handler, a replay is handled once each; still-invalid ones are reported, not sent
      fixed.set(true);
      List<Long> progress = new ArrayList<>();
      ReplayReport replay = deadLetters.replay(Filter.all(), ReplayOptions.defaults()
          .progress((done, total) -> progress.add(done * 1000 + total)));
      assertThat(replay.sent()).hasSize(95);
      assertThat(replay.rejected()).hasSize(5);
      assertThat(progress).hasSize(100).endsWith(100L * 1000 + 100);
      assertThat(endOffsets(topic)).isEqualTo(before + 95);
      await().atMost(60, TimeUnit.SECONDS).until(() -> handled.size() == EVENTS - 5);
      assertThat(replayedFrom).hasSize(95).allSatisfy((id, from) -> assertThat(from).startsWith(dlq + "-"));

      // --- a second replay sends nothing
      ReplayReport again = deadLetters.replay(Filter.all(), ReplayOptions.defaults());
      assertThat(again.sent()).isEmpty();
      assertThat(again.rejected()).hasSize(5); // still invalid: reported again, never sent
      // another selection in the same group does not re-send what the first one sent
      assertThat(deadLetters.replay(Filter.all().errorClasses(Set.of("IllegalStateException")),
          ReplayOptions.defaults()).sent()).isEmpty();
      assertThat(again.group()).isEqualTo(replay.group());
      assertThat(endOffsets(topic)).isEqualTo(before + 95);
      await().atMost(30, TimeUnit.SECONDS).until(() -> committed("dl-billing") == before + 95);
    }
    assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(dlqHeadersSeen).isEmpty();
  }

  private long endOffsets(String topic) throws Exception {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
          .get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> specs = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(specs).all().get(10, TimeUnit.SECONDS).values().stream()
          .mapToLong(o -> o.offset()).sum();
    }
  }

  private long committed(String group) throws Exception {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
          .values().stream().mapToLong(o -> o.offset()).sum();
    }
  }
}
