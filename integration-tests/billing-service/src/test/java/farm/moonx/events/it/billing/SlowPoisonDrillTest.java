package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 2: a poison record whose handler runs far past {@code max.poll.interval.ms},
 * ignoring interrupts, and then throws. It is given up on after its handler timeout, counted,
 * retried once and dead-lettered within a bounded time; the records behind it in its partition
 * are handled, and the member is never evicted (so the record never comes back as attempt 1).
 */
@EmbeddedKafkaTest
class SlowPoisonDrillTest {
  private static final int RECORDS = 3_000;
  private static final long POISON = 1_000;
  private static final Duration HANDLER_TIMEOUT = Duration.ofMillis(1500);
  private static final Duration OVERRUN = Duration.ofSeconds(8);

  static KafkaCluster kafka;

  @Test
  void aSlowPoisonIsDeadLetteredInBoundedTimeAndTheRecordsBehindItAreHandled() {
    String topic = Clients.uniqueTopic("slow-poison");
    String group = "billing-slow-poison";
    kafka.createTopic(topic, 3);
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), topic).enableBatching(true).build())) {
      Fixtures.publishRequests(new PaymentsPublisher(publisher), 0, RECORDS);
    }

    Map<Long, Integer> handled = new ConcurrentHashMap<>();
    AtomicLong calls = new AtomicLong();
    List<Integer> poisonAttempts = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    long deadLetteredAfter;
    try (Admin admin = Clients.admin(kafka.bootstrapServers());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(kafka.bootstrapServers(), group, topic)
            .property(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 4000)
            .handlerTimeout(HANDLER_TIMEOUT)
            .deadLetterTimeout(Duration.ofSeconds(2))
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(50)).build())
            .dispatcher(new BillingDispatcher(new BillingHandler.Adapter() {
              @Override
              public void onPaymentRequested(EventEnvelope<PaymentRequested> event, Delivery context) {
                if (event.data().sequence() == POISON) {
                  poisonAttempts.add(context.deliveryAttempt());
                  long end = System.nanoTime() + OVERRUN.toNanos();
                  while (System.nanoTime() < end) {
                    LockSupport.parkNanos(10_000_000); // deaf to interrupts, like a stuck driver call
                  }
                  throw new IllegalStateException("downstream timed out after " + OVERRUN.toSeconds() + " s");
                }
                calls.incrementAndGet();
                handled.merge(event.data().sequence(), 1, Integer::sum);
              }
            })).build()).start()) {
      await("the poison dead-lettered").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(100))
          .until(() -> !Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq").isEmpty());
      deadLetteredAfter = Duration.ofNanos(System.nanoTime() - start).toMillis();
      await("everything else handled").atMost(Clients.PATIENCE).until(() -> handled.size() == RECORDS - 1);
      Map<?, Long> end = Clients.endOffsets(admin, topic, 3);
      await("all committed").atMost(Clients.PATIENCE).until(() -> Clients.committedOffsets(admin, group).equals(end));
      assertThat(consumer.healthCheck().up()).as("%s", consumer.healthCheck()).isTrue();
    }

    List<ConsumerRecord<String, String>> dlq = Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq");
    assertThat(dlq).hasSize(1);
    assertThat(new String(dlq.get(0).headers().lastHeader(EventHeaders.DLQ_ERROR_CLASS).value(), StandardCharsets.UTF_8))
        .isEqualTo(java.util.concurrent.TimeoutException.class.getName());
    assertThat(poisonAttempts).containsExactly(1, 2);
    long lost = RECORDS - handled.size() - dlq.size();
    DrillReport.of("slow-poison", RECORDS, handled.size(), dlq.size(), lost, calls.get() - handled.size())
        .with("poisonAttempts", poisonAttempts.toString().replace(" ", "")).with("handlerTimeoutMs", HANDLER_TIMEOUT.toMillis())
        .with("overrunMs", OVERRUN.toMillis()).with("deadLetteredAfterMs", deadLetteredAfter).print();
    assertThat(lost).isZero();
    assertThat(deadLetteredAfter).as("bounded: two handler timeouts and change").isLessThan(20_000);
  }
}
