package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * {@code close()} while consuming under load, as on a rolling deploy: the handlers in flight
 * finish, what was handled is committed and nothing more, and the next instance of the group
 * resumes exactly there, with no gap, no loss and no duplicate.
 */
@EmbeddedKafkaTest
class GracefulShutdownDrillTest {
  private static final int EVENTS = 3_000;
  private static final int PARTITIONS = 3;

  static KafkaCluster kafka;

  /** One handled event, where it was read. */
  private record Seen(long sequence, int partition, long offset) {}

  /** Records what it handles; counts handlers running and calls made after it was told the consumer closed. */
  private static final class Recording extends BillingHandler.Adapter {
    final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger callsAfterClose = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    final AtomicInteger calls = new AtomicInteger();
    /** Counted down by the call that is slow on purpose, for close() to find it in flight. */
    final CountDownLatch slowCallStarted = new CountDownLatch(1);
    volatile Seen slow;

    @Override
    public void onPaymentRequested(EventEnvelope<PaymentRequested> event, Delivery context) throws InterruptedException {
      if (closed.get()) {
        callsAfterClose.incrementAndGet();
      }
      running.incrementAndGet();
      try {
        Seen current = new Seen(event.data().sequence(), context.partition(), context.offset());
        if (calls.incrementAndGet() == EVENTS / 3) {
          slow = current;
          slowCallStarted.countDown();
          Thread.sleep(300); // still working when close() is called
        } else {
          Thread.sleep(1); // the handler's own work
        }
        seen.add(current);
      } finally {
        running.decrementAndGet();
      }
    }
  }

  @Test
  void closeFinishesInFlightWorkCommitsItAndTheGroupResumesThere() throws Exception {
    String topic = Clients.uniqueTopic("shutdown");
    String group = "billing-shutdown";
    kafka.createTopic(topic, PARTITIONS);
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), topic).enableBatching(true).build())) {
      Fixtures.publishRequests(new PaymentsPublisher(publisher), 0, EVENTS);
    }

    Recording first = new Recording();
    Recording second = new Recording();
    int runningAtClose;
    long closeMillis;
    Map<TopicPartition, Long> committed;
    try (Admin admin = Clients.admin(kafka.bootstrapServers())) {
      KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(kafka.bootstrapServers(), group, topic)
          .concurrency(2).dispatcher(new BillingDispatcher(first)).build()).start();
      try {
        assertThat(first.slowCallStarted.await(Clients.PATIENCE.toSeconds(), TimeUnit.SECONDS))
            .as("a third handled").isTrue();
      } finally {
        runningAtClose = first.running.get();
        long start = System.nanoTime();
        consumer.close(Duration.ofSeconds(20));
        closeMillis = (System.nanoTime() - start) / 1_000_000;
        first.closed.set(true);
      }
      assertThat(first.running.get()).as("handlers still running after close()").isZero();
      assertThat(consumer.healthCheck().up()).isFalse();
      int handledByFirst = first.seen.size();
      committed = Clients.committedOffsets(admin, group);
      Thread.sleep(300);
      assertThat(first.seen).as("nothing handled after close() returned").hasSize(handledByFirst);
      assertThat(first.callsAfterClose.get()).isZero();
      assertThat(handledByFirst).as("closed mid-stream").isLessThan(EVENTS);
      assertThat(runningAtClose).as("handlers in flight when close() was called").isPositive();
      assertThat(first.seen).as("the slow in-flight event was finished").contains(first.slow);
      assertThat(committed.get(new TopicPartition(topic, first.slow.partition())))
          .as("and committed").isGreaterThan(first.slow.offset());

      // What the first instance handled is exactly what it committed: offsets 0 … committed-1.
      for (int p = 0; p < PARTITIONS; p++) {
        TopicPartition partition = new TopicPartition(topic, p);
        long upTo = committed.getOrDefault(partition, 0L);
        assertThat(offsets(first.seen, p)).as("offsets handled on %s before close", partition)
            .isEqualTo(range(0, upTo));
      }

      try (KafkaEventConsumer next = KafkaEventConsumer.create(Clients.consumerConfig(kafka.bootstrapServers(), group, topic)
          .dispatcher(new BillingDispatcher(second)).build()).start()) {
        await("the next instance handles the rest").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(100))
            .until(() -> first.seen.size() + second.seen.size() >= EVENTS);
        Thread.sleep(300); // a duplicate would show up right behind the last event
      }
      Map<TopicPartition, Long> end = Clients.endOffsets(admin, topic, PARTITIONS);
      for (int p = 0; p < PARTITIONS; p++) {
        TopicPartition partition = new TopicPartition(topic, p);
        assertThat(offsets(second.seen, p)).as("offsets handled on %s after the restart", partition)
            .isEqualTo(range(committed.getOrDefault(partition, 0L), end.get(partition)));
      }
    }

    Set<Long> all = new HashSet<>();
    first.seen.forEach(s -> all.add(s.sequence()));
    second.seen.forEach(s -> all.add(s.sequence()));
    assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.range(0, EVENTS).boxed().toList());
    long duplicates = first.seen.size() + second.seen.size() - all.size();
    long dlq = Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq").size();
    DrillReport.of("graceful-shutdown", EVENTS, all.size(), dlq, EVENTS - all.size() - dlq, duplicates)
        .with("handledBeforeClose", first.seen.size()).with("inFlightAtClose", runningAtClose)
        .with("closeMs", closeMillis).with("handledAfterResume", second.seen.size()).print();
    assertThat(duplicates).isZero();
    assertThat(dlq).isZero();
  }

  private static List<Long> offsets(Iterable<Seen> seen, int partition) {
    List<Long> out = new java.util.ArrayList<>();
    seen.forEach(s -> {
      if (s.partition() == partition) {
        out.add(s.offset());
      }
    });
    return out.stream().sorted().collect(Collectors.toList());
  }

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }
}
