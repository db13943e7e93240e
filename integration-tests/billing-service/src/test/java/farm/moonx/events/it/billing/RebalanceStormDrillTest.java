package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10, item 1: three instances of one group join and leave over and over while they work
 * through a 20,000-record backlog, with each rebalance protocol: the classic one with the eager
 * range assignor, the classic one with the cooperative-sticky assignor (members keep consuming,
 * and committing, during a rebalance), and KIP-848's {@code group.protocol=consumer}. Every
 * record is handled, every commit error a rebalance causes is survived (each instance is up
 * until it is closed, the first one throughout), and the group ends with the backlog committed.
 */
@EmbeddedKafkaTest
class RebalanceStormDrillTest {
  private static final int RECORDS = 20_000;
  private static final int PARTITIONS = 6;
  /** The handler's work per record: enough that the backlog outlasts several rebalances. */
  private static final long WORK_NANOS = 250_000;
  private static final Duration STEP = Duration.ofMillis(700);

  static KafkaCluster kafka;
  private static String topic;

  enum Protocol {
    EAGER(Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName())),
    COOPERATIVE(Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName())),
    CONSUMER(Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer"));

    final Map<String, Object> properties;

    Protocol(Map<String, Object> properties) {
      this.properties = properties;
    }
  }

  @BeforeAll
  static void backlog() {
    topic = Clients.uniqueTopic("storm");
    kafka.createTopic(topic, PARTITIONS);
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), topic).enableBatching(true).build())) {
      Fixtures.publishRequests(new PaymentsPublisher(publisher), 0, RECORDS);
    }
  }

  private static KafkaEventConsumer instance(Protocol protocol, String group, String name, Map<Long, Integer> handled,
      AtomicLong calls) {
    EventConsumerConfig.Builder config = EventConsumerConfig.builder(group).bootstrapServers(kafka.bootstrapServers())
        .topics(topic).pollTimeout(Duration.ofMillis(100))
        .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(200)).build())
        .property(ConsumerConfig.CLIENT_ID_CONFIG, name)
        .property(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    protocol.properties.forEach(config::property);
    if (protocol != Protocol.CONSUMER) {
      // The classic protocol's member timeouts (the consumer protocol takes them from the broker).
      config.property(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000).property(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000);
    }
    return KafkaEventConsumer.create(config.dispatcher(new BillingDispatcher(new BillingHandler.Adapter() {
      @Override
      public void onPaymentRequested(EventEnvelope<PaymentRequested> event, Delivery context) {
        LockSupport.parkNanos(WORK_NANOS);
        calls.incrementAndGet();
        handled.merge(event.data().sequence(), 1, Integer::sum);
      }
    })).build()).start();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void everyWorkerSurvivesTheStormAndNothingIsLost(Protocol protocol) {
    String group = "billing-storm-" + protocol.name().toLowerCase();
    Map<Long, Integer> handled = new ConcurrentHashMap<>();
    AtomicLong calls = new AtomicLong();
    List<String> downBeforeClose = new ArrayList<>();
    int joins = 0;
    long start = System.nanoTime();
    KafkaEventConsumer first = instance(protocol, group, "storm-a", handled, calls);
    try (Admin admin = Clients.admin(kafka.bootstrapServers())) {
      long deadline = System.nanoTime() + Clients.PATIENCE.toNanos();
      KafkaEventConsumer[] others = new KafkaEventConsumer[2];
      for (int step = 0; handled.size() < RECORDS && System.nanoTime() < deadline; step++) {
        int slot = step % 2;
        if (others[slot] == null) {
          others[slot] = instance(protocol, group, "storm-" + (char) ('b' + slot) + step, handled, calls);
          joins++;
        } else {
          if (!others[slot].healthCheck().up()) {
            downBeforeClose.add(others[slot].healthCheck().toString());
          }
          others[slot].close(Duration.ofSeconds(10));
          others[slot] = null;
        }
        LockSupport.parkNanos(STEP.toNanos());
        assertThat(first.healthCheck().up()).as("the first instance after step %d: %s", step, first.healthCheck()).isTrue();
      }
      for (KafkaEventConsumer other : others) {
        if (other != null) {
          if (!other.healthCheck().up()) {
            downBeforeClose.add(other.healthCheck().toString());
          }
          other.close(Duration.ofSeconds(10));
        }
      }
      await("every record handled").atMost(Clients.PATIENCE).until(() -> handled.size() == RECORDS);
      Map<?, Long> end = Clients.endOffsets(admin, topic, PARTITIONS);
      await("the backlog committed").atMost(Clients.PATIENCE)
          .until(() -> Clients.committedOffsets(admin, group).equals(end));
      assertThat(first.healthCheck().up()).as("%s", first.healthCheck()).isTrue();
    } finally {
      first.close(Duration.ofSeconds(10));
    }
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    long duplicates = calls.get() - handled.size();
    DrillReport.of("rebalance-storm", RECORDS, handled.size(), 0, RECORDS - handled.size(), duplicates)
        .with("protocol", protocol.name().toLowerCase()).with("instances", 3).with("joins", joins)
        .with("workersDownBeforeClose", downBeforeClose.size()).with("seconds", seconds).print();
    assertThat(downBeforeClose).isEmpty();
    assertThat(handled).hasSize(RECORDS);
  }
}
