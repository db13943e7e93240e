package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.ORDER_PLACED;
import static farm.moonx.events.kafka.TestRecords.text;
import static farm.moonx.events.kafka.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.internal.EventMdc;
import farm.moonx.events.internal.EventMetrics;
import farm.moonx.events.kafka.EventConsumerConfig.CommitMode;
import farm.moonx.events.kafka.EventConsumerConfig.UnknownTypePolicy;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.spi.UnknownEventTypeException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class KafkaEventConsumerTest {
  private static final TopicPartition P0 = new TopicPartition("orders", 0);
  private static final TopicPartition P1 = new TopicPartition("orders", 1);
  private static final long NOW = 1_800_000_000_000L;

  private final ReplayingConsumer consumer = new ReplayingConsumer();
  private final CountingProducer dlq = new CountingProducer();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestRecords records = new TestRecords();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private KafkaEventConsumer container;

  /** A MockProducer that counts send attempts, failed ones included. */
  static class CountingProducer extends MockProducer<byte[], byte[]> {
    final AtomicInteger attempts = new AtomicInteger();

    CountingProducer() {
      super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
        ProducerRecord<byte[], byte[]> record) {
      attempts.incrementAndGet();
      return super.send(record);
    }
  }

  private EventConsumerConfig.Builder config() {
    return EventConsumerConfig.builder("billing").bootstrapServers("unused:9092").topics("orders")
        .meterRegistry(meters)
        .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build());
  }

  private void start(EventConsumerConfig config) {
    container = KafkaEventConsumer.create(config, () -> consumer, dlq,
        Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)).start();
  }

  @AfterEach
  void close() {
    if (container != null) {
      container.close(Duration.ofSeconds(5));
    }
  }

  private ConsumerRecord<byte[], byte[]> order(int partition, long offset, int sequence) {
    return records.event("orders", partition, offset, ORDER_PLACED, new Order("o-" + offset, "c-" + partition, sequence));
  }

  @Test
  void handlesEachRecordWithItsContextAndMdcThenCommitsTheNextOffset() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0, 0, 0), order(0, 1, 1), order(0, 2, 2)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> {
      assertThat(MDC.get(EventMdc.EVENT_ID)).isEqualTo(event.eventId());
      assertThat(delivery.consumerGroup()).isEqualTo("billing");
      assertThat(delivery.header(EventHeaders.EVENT_TYPE)).contains("order.placed");
      handled.add(event.data().orderId() + "@" + delivery.offset() + "#" + delivery.deliveryAttempt());
    }).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 3);
    assertThat(handled).containsExactly("o-0@0#1", "o-1@1#1", "o-2@2#1");
    assertThat(meters.get(EventMetrics.PROCESSED).tag(EventMetrics.TAG_EVENT_TYPE, "order.placed").counter().count())
        .isEqualTo(3.0);
    assertThat(dlq.history()).isEmpty();
  }

  @Test
  void neverCommitsARecordBeforeItsHandlerHasReturned() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0, 0, 0), order(0, 1, 1), order(0, 2, 2)));
    List<Long> committedWhileHandling = new CopyOnWriteArrayList<>();
    start(config().commitMode(CommitMode.AFTER_EACH_RECORD).handler(ORDER_PLACED, (event, delivery) -> {
      committedWhileHandling.add(consumer.committedOffset(P0));
      handled.add(event.data().orderId());
    }).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 3);
    // While offset n is being handled, the committed position is n: everything before, nothing of it.
    assertThat(committedWhileHandling).containsExactly(-1L, 1L, 2L);
    assertThat(consumer.commits()).hasSize(3);
  }

  @Test
  void retriesAFailingRecordWithItsPartitionPausedWhileOthersFlow() {
    RetryPolicy slow = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(400)).jitter(0).build();
    consumer.assignOnFirstPoll(List.of(P0, P1), List.of(order(0, 0, 0)));
    List<Boolean> p0PausedWhileP1Handled = new CopyOnWriteArrayList<>();
    start(config().retryPolicy(slow).handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(delivery.partition() + "@" + delivery.offset() + "#" + delivery.deliveryAttempt());
      if (delivery.partition() == 1) {
        p0PausedWhileP1Handled.add(consumer.paused().contains(P0));
        return;
      }
      if (delivery.deliveryAttempt() == 1) {
        consumer.addLater(order(1, 0, 0)); // arrives while partition 0 waits for its retry
      }
      if (delivery.deliveryAttempt() < 3) {
        throw new IllegalStateException("downstream unavailable");
      }
    }).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 1);
    assertThat(handled).containsExactly("0@0#1", "1@0#1", "0@0#2", "0@0#3");
    assertThat(p0PausedWhileP1Handled).containsExactly(true);
    assertThat(consumer.paused()).isEmpty();
    assertThat(dlq.history()).isEmpty();
    assertThat(meters.get(EventMetrics.RETRIED).counter().count()).isEqualTo(2.0);
  }

  @Test
  void deadLettersARecordAfterTheLastAttemptWithTheOriginalBytesAndErrorHeaders() {
    ConsumerRecord<byte[], byte[]> poison = order(0, 0, 0);
    consumer.assignOnFirstPoll(List.of(P0), List.of(poison, order(0, 1, 1)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(delivery.offset() + "#" + delivery.deliveryAttempt());
      if (delivery.offset() == 0) {
        throw new IllegalStateException("cannot bill order " + event.data().orderId());
      }
    }).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(handled).containsExactly("0#1", "0#2", "0#3", "1#1");
    assertThat(dlq.history()).hasSize(1);
    ProducerRecord<byte[], byte[]> dead = dlq.history().get(0);
    assertThat(dead.topic()).isEqualTo("orders.dlq");
    assertThat(dead.key()).isEqualTo(poison.key());
    assertThat(dead.value()).isEqualTo(poison.value());
    assertThat(text(dead.headers(), EventHeaders.EVENT_TYPE)).isEqualTo("order.placed");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
    assertThat(text(dead.headers(), EventHeaders.DLQ_ERROR_MESSAGE)).isEqualTo("cannot bill order o-0");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo("orders");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ORIGINAL_PARTITION)).isEqualTo("0");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ORIGINAL_OFFSET)).isEqualTo("0");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ORIGINAL_TIMESTAMP)).isEqualTo(Long.toString(poison.timestamp()));
    assertThat(text(dead.headers(), EventHeaders.DLQ_CONSUMER_GROUP)).isEqualTo("billing");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ATTEMPTS)).isEqualTo("3");
    assertThat(text(dead.headers(), EventHeaders.DLQ_FAILED_AT)).isEqualTo(Long.toString(NOW));
    assertThat(meters.get(EventMetrics.DEAD_LETTERED).counter().count()).isEqualTo(1.0);
  }

  @Test
  void nonRetryableFailuresGoToTheDeadLetterTopicAtOnceWithoutCallingTheHandler() {
    ConsumerRecord<byte[], byte[]> notJson = TestRecords.raw("orders", 0, 0, null, utf8("{\"metadata\":"), new RecordHeaders());
    ConsumerRecord<byte[], byte[]> invalid = order(0, 1, -5);
    consumer.assignOnFirstPoll(List.of(P0), List.of(notJson, invalid, order(0, 2, 2)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> handled.add(event.data().orderId())).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 3);
    assertThat(handled).containsExactly("o-2");
    assertThat(dlq.history()).extracting(r -> text(r.headers(), EventHeaders.DLQ_ERROR_CLASS)).containsExactly(
        MalformedEventException.class.getName(), EventValidationException.class.getName());
    assertThat(dlq.history()).extracting(r -> text(r.headers(), EventHeaders.DLQ_ATTEMPTS)).containsExactly("0", "0");
    assertThat(text(dlq.history().get(1).headers(), EventHeaders.DLQ_ERROR_MESSAGE))
        .contains("data.sequence: must not be negative");
  }

  @Test
  void filtersArePredicatesAndTransformersLambdasAppliedInTheOrderAddedBeforeTheHandler() {
    consumer.assignOnFirstPoll(List.of(P0, P1), List.of(order(0, 0, 1), order(0, 1, 5), order(1, 2, 1)));
    Predicate<EventEnvelope<?>> later = e -> ((Order) e.data()).sequence() > 1;
    Predicate<EventEnvelope<?>> fromC0 = e -> ((Order) e.data()).customerId().equals("c-0");
    start(config().filter(fromC0.and(later.negate()))
        .transformer(e -> e.withMetadata(e.metadata().toBuilder().contextEntry("step", "first").build()))
        .transformer(e -> e.withMetadata(e.metadata().toBuilder()
            .contextEntry("step", e.metadata().context().get("step") + ", second").build()))
        .handler(ORDER_PLACED, (event, delivery) ->
            handled.add(event.data().orderId() + ": " + event.metadata().context().get("step")))
        .build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2 && consumer.committedOffset(P1) == 3);
    assertThat(handled).containsExactly("o-0: first, second");
    assertThat(meters.get(EventMetrics.SKIPPED).tag(EventMetrics.TAG_REASON, "filtered").counter().count())
        .isEqualTo(2.0);
    assertThat(dlq.history()).isEmpty();
  }

  @Test
  void unhandledTypesAreSkippedWithoutDecodingOrDeadLetteredPerPolicy() {
    // Header says a type nobody here handles; the body is not even JSON, so decoding it would fail.
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.EVENT_TYPE, utf8("user.registered"));
    ConsumerRecord<byte[], byte[]> foreign = TestRecords.raw("orders", 0, 0, null, utf8("not json"), headers);
    consumer.assignOnFirstPoll(List.of(P0), List.of(foreign, order(0, 1, 1)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> handled.add(event.data().orderId())).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(handled).containsExactly("o-1");
    assertThat(dlq.history()).isEmpty();
    // a type from a header is not a meter tag unless registered: no unbounded series from producers
    assertThat(meters.get(EventMetrics.SKIPPED).tag(EventMetrics.TAG_EVENT_TYPE, "unregistered")
        .tag(EventMetrics.TAG_REASON, "unhandled").counter().count()).isEqualTo(1.0);
  }

  @Test
  void eachRecordIsRoutedByItsOwnTypeHeaderThoughAHandlerRewroteAnEarlierOne() {
    // A record whose type header has the bytes of the last one reuses its type; a handler that
    // rewrites its record's header array (Delivery hands it out) must not change that type.
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.EVENT_TYPE, utf8("order.voided")); // as long as "order.placed"
    ConsumerRecord<byte[], byte[]> voided = TestRecords.raw("orders", 0, 1, null, utf8("not json"), headers);
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0, 0, 0), voided, order(0, 2, 2)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(event.data().orderId());
      System.arraycopy(utf8("order.voided"), 0, delivery.headers().get(EventHeaders.EVENT_TYPE), 0, 12);
    }).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 3);
    // "order.voided" is handled by nobody: skipped without decoding its body, not dead-lettered
    assertThat(handled).containsExactly("o-0", "o-2");
    assertThat(dlq.history()).isEmpty();
  }

  @Test
  void unhandledTypesGoToTheDeadLetterTopicWhenThePolicySaysSo() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.EVENT_TYPE, utf8("user.registered"));
    consumer.assignOnFirstPoll(List.of(P0), List.of(TestRecords.raw("orders", 0, 0, null, utf8("{}"), headers)));
    start(config().unknownTypePolicy(UnknownTypePolicy.DEAD_LETTER)
        .handler(ORDER_PLACED, (event, delivery) -> handled.add(event.data().orderId())).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 1);
    assertThat(dlq.history()).extracting(r -> text(r.headers(), EventHeaders.DLQ_ERROR_CLASS))
        .containsExactly(UnknownEventTypeException.class.getName());
  }

  @Test
  void aFailedDeadLetterWriteLeavesTheOffsetUncommittedUntilTheWriteSucceeds() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(
        TestRecords.raw("orders", 0, 0, null, utf8("garbage"), new RecordHeaders()), order(0, 1, 1)));
    dlq.sendException = new KafkaException("dead-letter topic unavailable");
    start(config().handler(ORDER_PLACED, (event, delivery) -> handled.add(event.data().orderId())).build());

    await().atMost(10, TimeUnit.SECONDS).until(() -> dlq.attempts.get() >= 3);
    assertThat(consumer.commits()).isEmpty();
    assertThat(handled).isEmpty(); // the record behind the stuck one waits: order within the partition holds

    dlq.sendException = null;
    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(dlq.history()).hasSize(1);
    assertThat(handled).containsExactly("o-1");
  }

  @Test
  void pollsTheNextRecordsWhileAPollsRecordsAreBeingHandled() {
    CountDownLatch polled = new CountDownLatch(1);
    List<Boolean> polledWhileHandling = new CopyOnWriteArrayList<>();
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0, 0, 0)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> {
      if (delivery.offset() == 0) {
        consumer.schedulePollTask(() -> {
          consumer.addRecord(order(0, 1, 1));
          polled.countDown();
        });
        polledWhileHandling.add(polled.await(5, TimeUnit.SECONDS));
      }
      handled.add(event.data().orderId());
    }).build());

    await().atMost(15, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(polledWhileHandling).containsExactly(true);
    assertThat(handled).containsExactly("o-0", "o-1"); // what that poll brought waits for the record before it
  }

  @Test
  void aRebalanceDuringAHandOverWaitsForItAndCommitsItWhileThePartitionIsStillAssigned() {
    CountDownLatch revoking = new CountDownLatch(1);
    List<Boolean> revokedWhileHandling = new CopyOnWriteArrayList<>();
    consumer.assignOnFirstPoll(List.of(P0, P1), List.of(order(0, 0, 0), order(0, 1, 1)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> {
      if (delivery.offset() == 0) {
        consumer.schedulePollTask(() -> {
          revoking.countDown();
          consumer.rebalance(List.of(P1)); // the group takes partition 0 away while its records are handled
        });
        revokedWhileHandling.add(revoking.await(5, TimeUnit.SECONDS));
      }
      handled.add(event.data().orderId());
    }).build());

    await().atMost(15, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(revokedWhileHandling).containsExactly(true);
    assertThat(handled).containsExactly("o-0", "o-1");
    assertThat(consumer.commits()).containsExactly(Map.of(P0, new OffsetAndMetadata(2)));
    assertThat(consumer.commitsOfUnassigned()).isEmpty();
  }

  @Test
  void aRetryDuringAHandOverDropsWhatTheNextPollBroughtForThatPartitionAndKeepsTheOrder() {
    CountDownLatch polled = new CountDownLatch(1);
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0, 0, 0), order(0, 1, 1)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(event.data().orderId() + "#" + delivery.deliveryAttempt());
      if (delivery.offset() == 0 && delivery.deliveryAttempt() == 1) {
        consumer.schedulePollTask(() -> {
          consumer.addRecord(order(0, 2, 2)); // polled while o-0 fails: stale once o-0 is rewound
          polled.countDown();
        });
        assertThat(polled.await(5, TimeUnit.SECONDS)).isTrue();
        throw new IllegalStateException("try again");
      }
    }).build());

    await().atMost(15, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 3);
    assertThat(handled).containsExactly("o-0#1", "o-0#2", "o-1#1", "o-2#1");
  }

  @Test
  void offsetsAFailedCommitKeptAreCommittedWhenThePartitionIsRevoked() {
    consumer.assignOnFirstPoll(List.of(P0, P1), List.of(order(0, 0, 0), order(0, 1, 1)));
    consumer.failNextCommit(new org.apache.kafka.clients.consumer.RetriableCommitFailedException("coordinator moving"));
    start(config().handler(ORDER_PLACED, (event, delivery) -> handled.add(event.data().orderId())).build());
    await().atMost(10, TimeUnit.SECONDS).until(consumer::commitFailed); // the commit of both records failed

    consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1))); // then the group takes partition 0 away
    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(handled).containsExactly("o-0", "o-1");
    assertThat(consumer.commits()).containsExactly(Map.of(P0, new OffsetAndMetadata(2)));
    await().atMost(10, TimeUnit.SECONDS).until(() -> !container.healthCheck().details().toString().contains("orders-0"));
  }

  @Test
  void closeFinishesTheInFlightRecordCommitsItAndLeaves() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0, 0, 0), order(0, 1, 1)));
    start(config().handler(ORDER_PLACED, (event, delivery) -> {
      inHandler.countDown();
      release.await();
      handled.add(event.data().orderId());
    }).build());
    assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(container.healthCheck().up()).isTrue();

    Thread closer = new Thread(() -> container.close(Duration.ofSeconds(10)));
    closer.start();
    // close() has asked the worker to stop once it waits for the thread to end
    await().atMost(10, TimeUnit.SECONDS).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
    release.countDown();
    closer.join(15_000);

    assertThat(handled).containsExactly("o-0");
    assertThat(consumer.committedOffset(P0)).isEqualTo(1);
    assertThat(consumer.closed()).isTrue();
    assertThat(dlq.closed()).isTrue();
    assertThat(container.healthCheck().up()).isFalse();
  }

  @Test
  void aConsumerThatCannotBeCreatedFailsStartAndClosesTheOnesAlreadyMade() {
    AtomicInteger made = new AtomicInteger();
    KafkaEventConsumer failing = KafkaEventConsumer.create(config().concurrency(2)
        .handler(ORDER_PLACED, (e, c) -> { }).build(), () -> {
          if (made.incrementAndGet() == 2) {
            throw new KafkaException("Failed to construct kafka consumer");
          }
          return consumer;
        }, dlq, Clock.systemUTC());

    org.assertj.core.api.Assertions.assertThatThrownBy(failing::start)
        .isInstanceOf(KafkaException.class).hasMessageContaining("construct");
    assertThat(consumer.closed()).isTrue();
    assertThat(failing.healthCheck().up()).isFalse();
    failing.close();
  }

  @Test
  void healthReportsThreadsAndAssignment() {
    consumer.assignOnFirstPoll(List.of(P0, P1), List.of());
    KafkaEventConsumer notStarted = KafkaEventConsumer.create(
        config().handler(ORDER_PLACED, (e, c) -> { }).build(), () -> consumer, dlq, Clock.systemUTC());
    assertThat(notStarted.healthCheck().up()).isFalse();
    assertThat(notStarted.healthCheck().details()).containsEntry("status", "not started");

    container = notStarted.start();
    await().atMost(10, TimeUnit.SECONDS).until(() -> container.healthCheck().details().toString().contains("orders-1"));
    Health health = container.healthCheck();
    assertThat(health.up()).isTrue();
    assertThat(health.details()).containsEntry("groupId", "billing");
    assertThat(health.details().get("thread-0").toString()).contains("alive=true", "orders-0", "orders-1");
  }
}
