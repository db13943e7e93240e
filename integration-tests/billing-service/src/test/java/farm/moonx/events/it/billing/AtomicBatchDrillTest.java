package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 10: 100 batches of three payment requests, every tenth with an oversize middle
 * event the producer refuses. With a transactional publisher each batch is committed or aborted
 * as one: a {@code read_committed} reader sees 90 whole batches and no part of the others. The
 * same batches without a transactional id leave the outer two events of each bad batch written,
 * which is what the non-transactional javadoc promises (and why retrying such a batch duplicates).
 */
@EmbeddedKafkaTest
class AtomicBatchDrillTest {
  private static final int BATCHES = 100;
  private static final int PER_BATCH = 3;
  private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");

  static KafkaCluster kafka;

  private static List<PaymentRequested> batch(int b) {
    List<PaymentRequested> out = new ArrayList<>();
    for (int i = 0; i < PER_BATCH; i++) {
      long sequence = (long) b * PER_BATCH + i;
      String id = "req-" + sequence + (b % 10 == 9 && i == 1 ? "-" + "x".repeat(8_000) : "");
      out.add(new PaymentRequested(id, "acct-" + b, sequence, BigDecimal.ONE, "EUR"));
    }
    return out;
  }

  /** Publishes the batches and returns how many failed as a whole (every future failed). */
  private static int publishAll(EventPublisherConfig config) {
    int failed = 0;
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(config)) {
      PaymentsPublisher payments = new PaymentsPublisher(publisher);
      for (int b = 0; b < BATCHES; b++) {
        BatchPublishResult result = payments.publishAll(batch(b));
        List<Boolean> ok = new ArrayList<>();
        for (CompletableFuture<?> future : result.results()) {
          ok.add(future.handle((r, e) -> e == null).orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join());
        }
        failed += ok.contains(true) ? 0 : 1;
      }
    }
    return failed;
  }

  /** The sequence numbers a {@code read_committed} reader sees on {@code topic}, in topic order. */
  private static List<Long> visibleSequences(String topic) {
    return Clients.readCommitted(kafka.bootstrapServers(), topic).stream().map(r -> {
      Matcher m = SEQUENCE.matcher(r.value());
      if (!m.find()) {
        throw new AssertionError("not a payment request: " + r.value());
      }
      return Long.parseLong(m.group(1));
    }).toList();
  }

  /** How many events of each batch are visible. */
  private static Map<Long, Long> byBatch(List<Long> sequences) {
    return sequences.stream().collect(Collectors.groupingBy(s -> s / PER_BATCH, Collectors.counting()));
  }

  @Test
  void aTransactionalBatchIsWrittenOrAbortedAsOne() {
    String transactional = Clients.uniqueTopic("atomic-tx");
    String plain = Clients.uniqueTopic("atomic-plain");
    kafka.createTopic(transactional, 3);
    kafka.createTopic(plain, 3);
    long start = System.nanoTime();
    int aborted = publishAll(Clients.publisherConfig(kafka.bootstrapServers(), transactional)
        .transactionalId("payments-atomic-" + UUID.randomUUID()).property("max.request.size", 4096).build());
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    publishAll(Clients.publisherConfig(kafka.bootstrapServers(), plain).property("max.request.size", 4096).build());

    List<Long> sequences = visibleSequences(transactional);
    Map<Long, Long> tx = byBatch(sequences);
    Map<Long, Long> nonTx = byBatch(visibleSequences(plain));
    long duplicates = sequences.size() - Set.copyOf(sequences).size();
    long partial = tx.values().stream().filter(n -> n != PER_BATCH).count();
    long partialWithout = nonTx.values().stream().filter(n -> n != PER_BATCH).count();
    long visible = Set.copyOf(sequences).size();
    long expected = (long) (BATCHES - BATCHES / 10) * PER_BATCH;
    DrillReport.of("atomic-batch", (long) BATCHES * PER_BATCH, visible, 0, expected - visible, duplicates)
        .with("batches", BATCHES).with("aborted", aborted).with("partialBatchesVisible", partial)
        .with("partialBatchesWithoutTransactions", partialWithout).with("ms", millis).print();
    assertThat(aborted).isEqualTo(BATCHES / 10);
    assertThat(partial).isZero();
    assertThat(tx.keySet()).hasSize(BATCHES - BATCHES / 10).doesNotContainAnyElementsOf(
        Set.of(9L, 19L, 29L, 39L, 49L, 59L, 69L, 79L, 89L, 99L));
    assertThat(visible).isEqualTo(expected);
    assertThat(duplicates).isZero();
    assertThat(partialWithout).as("the contrast: per-event delivery").isEqualTo(BATCHES / 10);
  }
}
