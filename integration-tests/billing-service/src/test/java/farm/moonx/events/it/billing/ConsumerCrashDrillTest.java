package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer process killed with SIGKILL mid-stream and started again: every event is handled
 * at least once. What the dead process handled but had not committed is handled again; those
 * duplicates are counted and reported, which is the price of at-least-once.
 */
@EmbeddedKafkaTest
class ConsumerCrashDrillTest {
  private static final int EVENTS = 3_000;
  /** Each event costs the handler this long, so the kill lands mid-stream. */
  private static final long WORK_MILLIS = 2;

  static KafkaCluster kafka;

  @Test
  void aKilledConsumerLosesNothingAfterARestart(@TempDir Path dir) throws Exception {
    String topic = Clients.uniqueTopic("crash");
    String group = "billing-crash";
    kafka.createTopic(topic, 3);
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), topic).enableBatching(true).build())) {
      Fixtures.publishRequests(new PaymentsPublisher(publisher), 0, EVENTS);
    }

    List<ChildJvm.Handled> beforeKill;
    List<ChildJvm.Handled> afterRestart;
    try (ChildJvm first = ChildJvm.start(kafka.bootstrapServers(), topic, group, dir.resolve("first"), WORK_MILLIS)) {
      // Not on a multiple of max.poll.records (500): the kill should land inside a poll's batch.
      await("the first consumer handles over a third").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(20))
          .failFast("the first consumer died: " + first.log(), () -> !first.isAlive())
          .until(() -> first.handled().size() >= EVENTS * 3 / 8);
      first.kill();
      beforeKill = first.handled();
    }
    assertThat(beforeKill.size()).as("killed mid-stream").isLessThan(EVENTS);

    try (ChildJvm second = ChildJvm.start(kafka.bootstrapServers(), topic, group, dir.resolve("second"), WORK_MILLIS)) {
      await("the restarted consumer handles the rest").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(200))
          .failFast("the restarted consumer died: " + second.log(), () -> !second.isAlive())
          .until(() -> distinct(beforeKill, second.handled()).size() == EVENTS);
      second.stop();
      afterRestart = second.handled();
    }

    Set<Long> all = distinct(beforeKill, afterRestart);
    assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.range(0, EVENTS).boxed().toList());
    long duplicates = (long) beforeKill.size() + afterRestart.size() - all.size();
    long dlq = Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq").size();
    DrillReport.of("consumer-crash", EVENTS, all.size(), dlq, EVENTS - all.size() - dlq, duplicates)
        .with("handledBeforeKill", beforeKill.size()).with("handledAfterRestart", afterRestart.size()).print();
    assertThat(dlq).isZero();
    // At-least-once, not at-least-twice: the restart resumed from the committed offsets.
    assertThat(afterRestart.size()).isLessThan(EVENTS);
  }

  private static Set<Long> distinct(List<ChildJvm.Handled> a, List<ChildJvm.Handled> b) {
    List<ChildJvm.Handled> both = new ArrayList<>(a);
    both.addAll(b);
    return ChildJvm.Handled.sequences(both);
  }
}
