package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.PublishResult;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.testkit.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * The broker stops and comes back while a publisher is sending. Every acknowledged event is in
 * the topic exactly once (the idempotent producer's retries write no duplicates), and every
 * event that could not be delivered within the delivery timeout fails its future: nothing is
 * dropped silently. Uses its own broker, since it stops it.
 */
class BrokerRestartDrillTest {
  private static final int EVENTS = 3_000;
  /** The broker stays down longer than this, so events sent meanwhile must fail, visibly. */
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(4);
  private static final Duration DOWNTIME = Duration.ofSeconds(6);

  @Test
  void acknowledgedEventsAreWrittenOnceAndTheOthersFailVisibly() throws Exception {
    String topic = Clients.uniqueTopic("broker-restart");
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    AtomicInteger attempted = new AtomicInteger();
    ExecutorService sender = Executors.newSingleThreadExecutor();
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
      kafka.createTopic(topic, 3);
      try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
          Clients.publisherConfig(kafka.bootstrapServers(), topic)
              .property(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis())
              .property(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500)
              // While the cluster is unreachable, send() blocks for metadata up to this long,
              // then fails the event: the sender below stalls but nothing goes unreported.
              .property(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000)
              .property(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500)
              .build())) {
        PaymentsPublisher payments = new PaymentsPublisher(publisher);
        // A steady stream, as a service emits events while it serves requests.
        Future<?> sending = sender.submit(() -> {
          for (int i = 0; i < EVENTS; i++) {
            CompletableFuture<PublishResult> future = payments.paymentRequested(Fixtures.request(i));
            synchronized (futures) {
              futures.add(future);
            }
            attempted.incrementAndGet();
            sleep(1);
          }
        });
        await("a fifth sent").atMost(Clients.PATIENCE).until(() -> attempted.get() >= EVENTS / 5);
        kafka.stop();
        int sentBeforeDown = attempted.get();
        Thread.sleep(DOWNTIME.toMillis());
        kafka.start();
        int sentWhileDown = attempted.get() - sentBeforeDown;
        sending.get(2, TimeUnit.MINUTES);

        int acked = 0;
        Map<String, Integer> failures = new TreeMap<>();
        Map<String, PublishResult> ackedById = new HashMap<>();
        List<String> failedIds = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
          try {
            PublishResult result = futures.get(i).orTimeout(60, TimeUnit.SECONDS).join();
            assertThat(result.sent()).isTrue();
            ackedById.put(result.eventId(), result);
            acked++;
          } catch (CompletionException e) {
            assertThat(e.getCause()).as("failure of event %d", i)
                .isNotInstanceOf(java.util.concurrent.TimeoutException.class); // completed, not hanging
            failures.merge(reason(e.getCause()), 1, Integer::sum);
            failedIds.add(Fixtures.request(i).requestId());
          }
        }
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();

        Map<String, List<ConsumerRecord<String, String>>> inTopic = new HashMap<>();
        for (ConsumerRecord<String, String> record : Clients.readToEnd(kafka.bootstrapServers(), topic)) {
          String eventId = new String(record.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8);
          inTopic.computeIfAbsent(eventId, k -> new ArrayList<>()).add(record);
        }
        long duplicates = inTopic.values().stream().mapToLong(r -> r.size() - 1).sum();
        long ackedMissing = ackedById.keySet().stream().filter(id -> !inTopic.containsKey(id)).count();
        long failedButWritten = inTopic.size() - (ackedById.size() - ackedMissing);

        DrillReport.of("broker-restart", EVENTS, acked, 0, ackedMissing, duplicates)
            .with("acked", acked).with("failed", failed).with("failedBy", failures)
            .with("failedButWritten", failedButWritten).with("attemptedWhileDown", sentWhileDown).print();

        assertThat(acked + failed).as("every publish completed: acknowledged or failed").isEqualTo(EVENTS);
        assertThat(ackedMissing).as("acknowledged events missing from the topic").isZero();
        assertThat(duplicates).as("events written more than once").isZero();
        ackedById.forEach((id, result) -> {
          ConsumerRecord<String, String> record = inTopic.get(id).get(0);
          assertThat(record.partition()).isEqualTo(result.partition());
          assertThat(record.offset()).isEqualTo(result.offset());
        });
        assertThat(failed).as("events sent while the broker was down longer than the delivery timeout failed")
            .isPositive();
        assertThat(acked).as("publishing resumed after the restart").isGreaterThan(sentBeforeDown);
      }
    } finally {
      sender.shutdownNow();
    }
  }

  /** The failure's class, and for Kafka's timeouts which one it was. */
  private static String reason(Throwable error) {
    String message = String.valueOf(error.getMessage());
    String kind = message.contains("metadata") ? ":metadata(max.block.ms)"
        : message.contains("since batch creation") ? ":expired(delivery.timeout.ms)" : "";
    return error.getClass().getSimpleName() + kind;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
