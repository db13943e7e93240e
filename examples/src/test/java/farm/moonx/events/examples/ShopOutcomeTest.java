package farm.moonx.events.examples;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.spi.EventHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's verdict: anything not accounted for makes it fail (and exit non-zero). */
class ShopOutcomeTest {
  private static final ShopSettings SETTINGS = new ShopSettings(2, "", Duration.ofSeconds(1), false);
  private static final byte[] POISON = "{}".getBytes(StandardCharsets.UTF_8);
  private static final PoisonRecord.Sent SENT = new PoisonRecord.Sent("shop.events", 1, 7, POISON);

  @Test
  void nothingPublishedOrHandledIsReportedPerType() {
    ShopOutcome outcome = outcome(new SimpleMeterRegistry(), List.of(deadLetter("7", POISON)));

    assertThat(outcome.problems()).containsExactly(
        "user.registered: 0 published, expected 2",
        "user.registered: 0 handled by audit, expected 2",
        "payment.processed: 0 published, expected 2",
        "payment.processed: 0 handled by audit, expected 2",
        "order.completed: 0 published, expected 2",
        "order.completed: 0 handled by audit, expected 2",
        "0 complete correlation chains, expected 2");
  }

  @Test
  void aMissingOrUnexpectedDeadLetterIsAProblem() {
    assertThat(outcome(new SimpleMeterRegistry(), List.of()).problems())
        .contains("0 records on shop.events.dlq, expected only the poison record");
    assertThat(outcome(new SimpleMeterRegistry(), List.of(deadLetter("8", POISON))).problems())
        .anyMatch(p -> p.startsWith("the record on shop.events.dlq is not the poison record"));
    assertThat(outcome(new SimpleMeterRegistry(), List.of(deadLetter("7", POISON), deadLetter("7", POISON))).problems())
        .contains("2 records on shop.events.dlq, expected only the poison record");
  }

  @Test
  void publishFailuresAreAProblem() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    meters.counter("moonx.events.publish.failed", "event.type", "payment.processed", "exception", "IllegalStateException").increment();

    assertThat(outcome(meters, List.of(deadLetter("7", POISON))).problems()).contains("1 publish(es) failed");
  }

  private static ShopOutcome outcome(SimpleMeterRegistry meters, List<PoisonRecord.DeadLetter> deadLetters) {
    return new ShopOutcome(SETTINGS, 1, 1, SENT, deadLetters, new AuditService(Clock.systemUTC()), meters, Duration.ZERO);
  }

  private static PoisonRecord.DeadLetter deadLetter(String offset, byte[] value) {
    return new PoisonRecord.DeadLetter(0, 0, PoisonRecord.KEY, value, Map.of(
        EventHeaders.DLQ_ORIGINAL_TOPIC, "shop.events",
        EventHeaders.DLQ_ORIGINAL_PARTITION, "1",
        EventHeaders.DLQ_ORIGINAL_OFFSET, offset));
  }
}
