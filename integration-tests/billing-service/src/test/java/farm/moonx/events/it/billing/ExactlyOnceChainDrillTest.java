package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 11: the consumer-crash drill with exactly once on. A billing process answers
 * every payment request with an invoice, consume -> publish -> commit as one transaction; it is
 * killed with SIGKILL mid-stream and started again. A {@code read_committed} reader of the
 * invoices topic then finds every request answered exactly once: what the dead process had
 * published but not committed was aborted (or fenced) with its offsets.
 */
@EmbeddedKafkaTest
class ExactlyOnceChainDrillTest {
  private static final int EVENTS = 800;
  private static final long WORK_MILLIS = 2;
  private static final Pattern INVOICE = Pattern.compile("\"invoiceId\":\"inv-(\\d+)\"");

  static KafkaCluster kafka;

  private List<ConsumerRecord<String, String>> committedAnswers(String topic) {
    return Clients.readCommitted(kafka.bootstrapServers(), topic);
  }

  private static Map<Long, Long> countBySequence(List<ConsumerRecord<String, String>> answers) {
    return answers.stream().map(r -> {
      Matcher m = INVOICE.matcher(r.value());
      if (!m.find()) {
        throw new AssertionError("not an invoice: " + r.value());
      }
      return Long.parseLong(m.group(1));
    }).collect(Collectors.groupingBy(s -> s, Collectors.counting()));
  }

  @Test
  void aKilledChainAnswersEveryRequestExactlyOnce(@TempDir Path dir) {
    String input = Clients.uniqueTopic("chain-in");
    String output = Clients.uniqueTopic("chain-out");
    String group = "billing-chain";
    kafka.createTopic(input, 3);
    kafka.createTopic(output, 3);
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), input).enableBatching(true).build())) {
      Fixtures.publishRequests(new PaymentsPublisher(publisher), 0, EVENTS);
    }

    int callsBeforeKill;
    try (ChildJvm first = ChildJvm.start(ChildChain.class, dir.resolve("first"), kafka.bootstrapServers(), input, output,
        group, dir.resolve("first").toString(), Long.toString(WORK_MILLIS), "billing-chain")) {
      await("the first process answers over a third").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(20))
          .failFast("the first process died: " + first.log(), () -> !first.isAlive())
          .until(() -> first.handled().size() >= EVENTS * 3 / 8);
      first.kill();
      callsBeforeKill = first.handled().size();
    }
    assertThat(callsBeforeKill).as("killed mid-stream").isLessThan(EVENTS);

    int callsAfterRestart;
    try (ChildJvm second = ChildJvm.start(ChildChain.class, dir.resolve("second"), kafka.bootstrapServers(), input,
        output, group, dir.resolve("second").toString(), Long.toString(WORK_MILLIS), "billing-chain")) {
      await("every request answered").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(500))
          .failFast("the restarted process died: " + second.log(), () -> !second.isAlive())
          .until(() -> countBySequence(committedAnswers(output)).size() == EVENTS);
      second.stop();
      callsAfterRestart = second.handled().size();
    }

    List<ConsumerRecord<String, String>> answers = committedAnswers(output);
    Map<Long, Long> counts = countBySequence(answers);
    long duplicates = answers.size() - counts.size();
    long redone = (long) callsBeforeKill + callsAfterRestart - EVENTS;
    // Answers written but aborted (the dead process's open transaction): a read_uncommitted reader sees them.
    long abortedAnswers = Clients.readToEnd(kafka.bootstrapServers(), output).size() - answers.size();
    DrillReport.of("exactly-once-chain", EVENTS, counts.size(), 0, EVENTS - counts.size(), duplicates)
        .with("killed", 1).with("handlerCallsBeforeKill", callsBeforeKill).with("handlerCallsAfterRestart", callsAfterRestart)
        .with("handlerCallsRedone", redone).with("abortedAnswers", abortedAnswers).print();
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(LongStream.range(0, EVENTS).boxed().toList());
    assertThat(duplicates).isZero();
  }
}
