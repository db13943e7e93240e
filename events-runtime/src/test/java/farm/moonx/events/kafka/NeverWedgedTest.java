package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.ORDER_PLACED;
import static farm.moonx.events.kafka.TestRecords.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.kafka.KafkaEventConsumerTest.CountingProducer;
import farm.moonx.events.spi.EventHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedMemberEpochException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, items 1-3: no commit error a live group can produce ends a worker, attempt counts
 * survive rebalances and restarts, an overrunning handler cannot hold its partition, and a dead
 * letter that cannot be written takes a bounded path that the health check reports.
 */
class NeverWedgedTest {
  private static final TopicPartition P0 = new TopicPartition("orders", 0);

  private final ReplayingConsumer consumer = new ReplayingConsumer();
  private final CountingProducer dlq = new CountingProducer();
  private final TestRecords records = new TestRecords();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private KafkaEventConsumer container;

  private EventConsumerConfig.Builder config(int maxAttempts) {
    return EventConsumerConfig.builder("billing").bootstrapServers("unused:9092").topics("orders")
        .retryPolicy(RetryPolicy.builder().maxAttempts(maxAttempts).initialDelay(Duration.ofMillis(10))
            .maxDelay(Duration.ofMillis(50)).build());
  }

  private KafkaEventConsumer start(EventConsumerConfig config, ReplayingConsumer on) {
    return KafkaEventConsumer.create(config, () -> on, dlq, Clock.systemUTC()).start();
  }

  @AfterEach
  void close() {
    if (container != null) {
      container.close(Duration.ofSeconds(5));
    }
  }

  private ConsumerRecord<byte[], byte[]> order(long offset) {
    return records.event("orders", 0, offset, ORDER_PLACED, new Order("o-" + offset, "c-0", (int) offset));
  }

  static Stream<RuntimeException> commitErrorsOfALiveGroup() {
    return Stream.of(
        new RebalanceInProgressException("cooperative rebalance in progress"),
        new CommitFailedException("the group rebalanced"),
        new UnknownMemberIdException("member left the group"),
        new IllegalGenerationException("stale generation"),
        new FencedMemberEpochException("KIP-848 member epoch fenced"),
        new RetriableCommitFailedException("coordinator moving"),
        new TimeoutException("commit timed out"));
  }

  @ParameterizedTest
  @MethodSource("commitErrorsOfALiveGroup")
  void aCommitErrorKeepsTheWorkerAliveAndTheOffsetsForTheNextCommit(RuntimeException error) {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0), order(1)));
    consumer.failNextCommit(error);
    container = start(config(3).handler(ORDER_PLACED, (event, delivery) -> handled.add(event.data().orderId())).build(),
        consumer);

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(handled).containsExactly("o-0", "o-1");
    assertThat(container.healthCheck().up()).as(container.healthCheck().toString()).isTrue();
  }

  @Test
  void aCommitErrorWhileThePartitionIsRevokedDoesNotEndTheWorker() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0)));
    container = start(config(3).handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(event.data().orderId());
      consumer.failNextCommit(new RebalanceInProgressException("rebalance in progress"));
      consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
    }).build(), consumer);

    await().atMost(10, TimeUnit.SECONDS).until(() -> container.healthCheck().details().toString().contains("assignment=[]"));
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0)));
    consumer.addLater(order(1));
    await().atMost(10, TimeUnit.SECONDS).until(() -> handled.contains("o-1"));
    assertThat(container.healthCheck().up()).isTrue();
  }

  @Test
  void theAttemptCountSurvivesARebalance() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0), order(1)));
    container = start(config(2).handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(delivery.offset() + "#" + delivery.deliveryAttempt());
      if (delivery.offset() == 0) {
        if (delivery.deliveryAttempt() == 1) {
          // the group moves the partition away and back before the retry
          consumer.schedulePollTask(moveAwayAndBack(new CountDownLatch(1)));
        }
        throw new IllegalStateException("poison");
      }
    }).build(), consumer);

    await().atMost(10, TimeUnit.SECONDS).until(() -> handled.contains("1#1"));
    assertThat(handled).startsWith("0#1", "0#2");
    assertThat(dlq.history()).hasSize(1);
    assertThat(text(dlq.history().get(0).headers(), EventHeaders.DLQ_ATTEMPTS)).isEqualTo("2");
  }

  @Test
  void aRecordFailingWhileARebalanceTakesItsPartitionAwayAndBackIsFetchedAgainWithItsAttemptCounted() {
    CountDownLatch rebalancing = new CountDownLatch(1);
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0), order(1)));
    container = start(config(2).handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(delivery.offset() + "#" + delivery.deliveryAttempt());
      if (delivery.offset() == 0) {
        if (delivery.deliveryAttempt() == 1) {
          // The poll thread polls while this runs; the group moves the partition away and back
          // then, and the revocation waits for this attempt to fail before it commits.
          consumer.schedulePollTask(moveAwayAndBack(rebalancing));
          assertThat(rebalancing.await(5, TimeUnit.SECONDS)).isTrue();
        }
        throw new IllegalStateException("poison");
      }
    }).build(), consumer);

    await().atMost(10, TimeUnit.SECONDS).until(() -> handled.contains("1#1"));
    assertThat(handled).containsExactly("0#1", "0#2", "1#1");
    assertThat(dlq.history()).hasSize(1);
    assertThat(text(dlq.history().get(0).headers(), EventHeaders.DLQ_ATTEMPTS)).isEqualTo("2");
  }

  /** A poll task: {@code started} counts down, then the group moves partition 0 away and back. */
  private Runnable moveAwayAndBack(CountDownLatch started) {
    return () -> {
      started.countDown();
      consumer.rebalance(List.of());
      consumer.rebalance(List.of(P0));
      consumer.seek(P0, 0); // a real consumer fetches again from the committed offset
    };
  }

  @Test
  void theAttemptCountSurvivesARestart() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0), order(1)));
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    EventConsumerConfig config = config(2).retryPolicy(RetryPolicy.builder().maxAttempts(2)
        .initialDelay(Duration.ofSeconds(30)).maxDelay(Duration.ofSeconds(30)).build())
        .handler(ORDER_PLACED, (event, delivery) -> {
          if (delivery.offset() == 0) {
            attempts.add(delivery.deliveryAttempt());
            throw new IllegalStateException("poison");
          }
          handled.add(delivery.offset() + "#" + delivery.deliveryAttempt());
        }).build();
    KafkaEventConsumer first = start(config, consumer);
    await().atMost(10, TimeUnit.SECONDS).until(() -> attempts.size() == 1);
    first.close(Duration.ofSeconds(5)); // the service restarts while the record waits for its retry

    ReplayingConsumer restarted = new ReplayingConsumer();
    restarted.assignOnFirstPoll(List.of(P0), List.of(order(0), order(1)));
    consumer.commits().forEach(restarted::commitSync); // the group's committed offsets outlive the process
    CountingProducer restartedDlq = new CountingProducer(); // the first one closed with its container
    container = KafkaEventConsumer.create(config, () -> restarted, restartedDlq, Clock.systemUTC()).start();

    await().atMost(10, TimeUnit.SECONDS).until(() -> handled.contains("1#1"));
    assertThat(attempts).containsExactly(1, 2);
    assertThat(restartedDlq.history()).hasSize(1);
  }

  @Test
  void aHandlerThatOverrunsItsTimeoutCountsAsAFailedAttemptAndCannotHoldThePartition() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0), order(1)));
    container = start(config(2).handlerTimeout(Duration.ofMillis(300)).handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(delivery.offset() + "#" + delivery.deliveryAttempt());
      if (delivery.offset() == 0) {
        Thread.sleep(60_000); // a call that never answers
      }
    }).build(), consumer);

    await().atMost(15, TimeUnit.SECONDS).until(() -> handled.contains("1#1"));
    assertThat(handled).containsExactly("0#1", "0#2", "1#1");
    assertThat(text(dlq.history().get(0).headers(), EventHeaders.DLQ_ERROR_CLASS))
        .isEqualTo(java.util.concurrent.TimeoutException.class.getName());
    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
  }

  /** A producer refusing any record larger than {@code limit} bytes of value, as a broker does. */
  private static final class SizeLimitedProducer extends CountingProducer {
    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
      if (record.value() != null && record.value().length > 200) {
        attempts.incrementAndGet();
        return java.util.concurrent.CompletableFuture.failedFuture(
            new RecordTooLargeException("the message is " + record.value().length + " bytes"));
      }
      return super.send(record);
    }
  }

  @Test
  void aDeadLetterTooLargeToCopyIsWrittenWithoutItsPayloadAndThePartitionMovesOn() {
    SizeLimitedProducer small = new SizeLimitedProducer();
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0), order(1)));
    container = KafkaEventConsumer.create(config(1).handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(delivery.offset() + "#" + delivery.deliveryAttempt());
      if (delivery.offset() == 0) {
        throw new IllegalStateException("poison");
      }
    }).build(), () -> consumer, small, Clock.systemUTC()).start();

    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(handled).containsExactly("0#1", "1#1");
    assertThat(small.history()).hasSize(1);
    ProducerRecord<byte[], byte[]> pointer = small.history().get(0);
    assertThat(pointer.value()).isNull();
    assertThat(text(pointer.headers(), EventHeaders.DLQ_PAYLOAD_OMITTED)).isEqualTo(Integer.toString(order(0).value().length));
    assertThat(text(pointer.headers(), EventHeaders.DLQ_ORIGINAL_OFFSET)).isEqualTo("0");
    assertThat(text(pointer.headers(), EventHeaders.DLQ_ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
    assertThat(small.attempts.get()).isEqualTo(2);
    assertThat(container.healthCheck().up()).isTrue();
  }

  @Test
  void aDeadLetterTopicThatCannotBeWrittenIsRetriedAtABoundedPaceAndTheHealthCheckSaysDown() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0), order(1)));
    dlq.sendException = new TopicAuthorizationException(Set.of("orders.dlq"));
    container = start(config(1).deadLetterTimeout(Duration.ofSeconds(1)).handler(ORDER_PLACED, (event, delivery) -> {
      handled.add(delivery.offset() + "#" + delivery.deliveryAttempt());
      if (delivery.offset() == 0) {
        throw new IllegalStateException("poison");
      }
    }).build(), consumer);

    await().atMost(10, TimeUnit.SECONDS).until(() -> !container.healthCheck().up());
    assertThat(container.healthCheck().details().toString()).contains("orders.dlq", "TopicAuthorizationException");
    long before = dlq.attempts.get();
    await().pollDelay(Duration.ofMillis(2500)).atMost(5, TimeUnit.SECONDS).until(() -> true);
    assertThat(dlq.attempts.get() - before).as("one write per dead-letter timeout at most").isLessThanOrEqualTo(3);
    assertThat(consumer.committedOffset(P0)).as("never past the record").isLessThanOrEqualTo(0);
    assertThat(handled).containsExactly("0#1"); // nothing lost: the record waits, the handler is not re-run

    dlq.sendException = null; // the ACL is fixed
    await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
    assertThat(container.healthCheck().up()).isTrue();
  }

  @Test
  void closeInterruptsAHandlerThatHangsAndLeavesItsRecordUncommitted() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0)));
    java.util.concurrent.CountDownLatch inHandler = new java.util.concurrent.CountDownLatch(1);
    List<Boolean> interrupted = new CopyOnWriteArrayList<>();
    container = start(config(3).handler(ORDER_PLACED, (event, delivery) -> {
      inHandler.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.add(true);
        throw e;
      }
    }).build(), consumer);
    await().atMost(10, TimeUnit.SECONDS).until(() -> inHandler.getCount() == 0);

    long start = System.nanoTime();
    container.close(Duration.ofMillis(500));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    await().atMost(5, TimeUnit.SECONDS).until(() -> !interrupted.isEmpty());
    await().atMost(5, TimeUnit.SECONDS).until(consumer::closed);
    assertThat(consumer.committedOffset(P0)).isLessThanOrEqualTo(0);
  }

  @Test
  void aStartThatFailsClosesTheDeadLetterProducer() {
    KafkaEventConsumer failing = KafkaEventConsumer.create(config(3).handler(ORDER_PLACED, (e, d) -> { }).build(),
        () -> {
          throw new KafkaException("Failed to construct kafka consumer");
        }, dlq, Clock.systemUTC());
    org.assertj.core.api.Assertions.assertThatThrownBy(failing::start).isInstanceOf(KafkaException.class);
    assertThat(dlq.closed()).isTrue();
  }

  @Test
  void eachThreadHasItsOwnClientId() throws Exception {
    javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
    try (KafkaEventConsumer real = KafkaEventConsumer.create(EventConsumerConfig.builder("billing-ids")
        .bootstrapServers("127.0.0.1:1").topics("orders").concurrency(2)
        .handler(ORDER_PLACED, (e, d) -> { }).build()).start()) {
      assertThat(server.queryNames(new javax.management.ObjectName("kafka.consumer:type=app-info,id=billing-ids-*"), null))
          .extracting(name -> name.getKeyProperty("id")).containsExactlyInAnyOrder("billing-ids-0", "billing-ids-1");
      real.close(Duration.ofSeconds(5));
    }
  }

  @Test
  void theHandlerTimeoutIsHalfTheMaxPollIntervalUnlessSetAndAlwaysBelowIt() {
    assertThat(config(1).handler(ORDER_PLACED, (e, d) -> { }).build().handlerTimeout()).isEqualTo(Duration.ofSeconds(150));
    assertThat(config(1).property("max.poll.interval.ms", 10_000).handler(ORDER_PLACED, (e, d) -> { }).build()
        .handlerTimeout()).isEqualTo(Duration.ofSeconds(5));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(1).property("max.poll.interval.ms", 10_000)
        .handlerTimeout(Duration.ofSeconds(10)).handler(ORDER_PLACED, (e, d) -> { }).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below max.poll.interval.ms");
  }

  @Test
  void pollErrorsDoNotEndTheWorkerAndTheHealthCheckSaysDownWhileTheyLast() {
    consumer.assignOnFirstPoll(List.of(P0), List.of(order(0)));
    consumer.setPollException(new KafkaException("coordinator not available"));
    java.util.concurrent.atomic.AtomicBoolean sawDown = new java.util.concurrent.atomic.AtomicBoolean();
    container = start(config(3).pollTimeout(Duration.ofMillis(300))
        .handler(ORDER_PLACED, (event, delivery) -> handled.add(event.data().orderId())).build(), consumer);
    await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10)).until(() -> {
      sawDown.compareAndSet(false, container.healthCheck().details().toString().contains("coordinator not available"));
      return consumer.committedOffset(P0) == 1;
    });
    assertThat(sawDown).isTrue();
    await().atMost(10, TimeUnit.SECONDS).until(() -> container.healthCheck().up());
  }
}
