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
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A handler that fails the first {@value #FAILURES} times for every event of one account (a
 * downstream service having a bad minute): each of them is handled after retries with backoff,
 * and while that account's partition waits, the other partitions keep flowing.
 */
@EmbeddedKafkaTest
class TransientFailureDrillTest {
  private static final int EVENTS = 3_000;
  private static final int FLAKY_EVERY = 100;
  private static final int FAILURES = 2;
  private static final String FLAKY_ACCOUNT = "acct-flaky";

  static KafkaCluster kafka;

  @Test
  void transientFailuresAreRetriedWhileOtherPartitionsFlow() throws Exception {
    String topic = Clients.uniqueTopic("transient");
    kafka.createTopic(topic, 3);
    Map<Long, Integer> handled = new ConcurrentHashMap<>();
    Map<Long, Integer> attemptsOfFlaky = new ConcurrentHashMap<>();
    AtomicInteger flakyPartition = new AtomicInteger(-1);
    AtomicLong handlerCalls = new AtomicLong();
    AtomicLong otherPartitionsWhileBackingOff = new AtomicLong();
    // The consumer has one thread, so these are only touched by it.
    boolean[] backingOff = {false};

    BillingHandler handler = new BillingHandler.Adapter() {
      @Override
      public void onPaymentRequested(EventEnvelope<PaymentRequested> event, Delivery context) {
        handlerCalls.incrementAndGet();
        long sequence = event.data().sequence();
        if (event.data().accountId().equals(FLAKY_ACCOUNT)) {
          flakyPartition.set(context.partition());
          int attempt = attemptsOfFlaky.merge(sequence, 1, Integer::sum);
          assertThat(context.deliveryAttempt()).isEqualTo(attempt);
          if (attempt <= FAILURES) {
            backingOff[0] = true;
            throw new IllegalStateException("ledger service unavailable (attempt " + attempt + ")");
          }
          backingOff[0] = false;
        } else if (backingOff[0] && context.partition() != flakyPartition.get()) {
          otherPartitionsWhileBackingOff.incrementAndGet();
        }
        handled.merge(sequence, 1, Integer::sum);
      }
    };

    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
            Clients.publisherConfig(kafka.bootstrapServers(), topic).enableBatching(true).build());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(
            Clients.consumerConfig(kafka.bootstrapServers(), "billing-transient", topic)
                .retryPolicy(RetryPolicy.builder().maxAttempts(FAILURES + 1).initialDelay(Duration.ofMillis(50))
                    .multiplier(2).maxDelay(Duration.ofMillis(200)).jitter(0.1).build())
                .dispatcher(new BillingDispatcher(handler)).build())) {
      PaymentsPublisher payments = new PaymentsPublisher(publisher);
      for (long i = 0; i < EVENTS; i += FLAKY_EVERY) {
        Fixtures.publishRequests(payments, i, i + FLAKY_EVERY - 1);
        payments.paymentRequested(new PaymentRequested("req-" + (i + FLAKY_EVERY - 1), FLAKY_ACCOUNT, i + FLAKY_EVERY - 1,
            BigDecimal.ONE, "EUR")).join();
      }
      consumer.start();
      await("every event handled").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(100))
          .until(() -> handled.size() == EVENTS);
      assertThat(consumer.healthCheck().up()).isTrue();
    }

    int flaky = EVENTS / FLAKY_EVERY;
    assertThat(attemptsOfFlaky).hasSize(flaky).allSatisfy((sequence, attempts) ->
        assertThat(attempts).as("attempts of %d", sequence).isEqualTo(FAILURES + 1));
    assertThat(handled.values()).as("each handled once").containsOnly(1);
    long dlq = Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq").size();
    long duplicates = handlerCalls.get() - flaky * FAILURES - handled.size();
    DrillReport.of("transient-failures", EVENTS, handled.size(), dlq, EVENTS - handled.size() - dlq, duplicates)
        .with("flakyEvents", flaky).with("failuresEach", FAILURES)
        .with("otherPartitionEventsHandledDuringBackoff", otherPartitionsWhileBackingOff.get()).print();
    assertThat(dlq).isZero();
    assertThat(otherPartitionsWhileBackingOff.get()).as("other partitions flowed while one was backing off").isPositive();
    assertThat(List.of(flakyPartition.get())).doesNotContain(-1);
  }
}
