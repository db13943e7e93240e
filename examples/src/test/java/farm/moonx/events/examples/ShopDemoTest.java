package farm.moonx.events.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the demo's main path on a real broker with a few users, so the README's command cannot rot. */
@EmbeddedKafkaTest
class ShopDemoTest {

  @Test
  void everyEventIsAccountedForAndThePoisonRecordIsDeadLettered(KafkaCluster kafka) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    // 120 users: three pages, so both single and batch publishing run, and the poison lands mid-way.
    ShopSettings settings = new ShopSettings(120, "test-" + System.nanoTime(), Duration.ofSeconds(120), false);

    boolean ok;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      ok = ShopDemo.run(kafka, settings, out);
    }

    String report = printed.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(report).isTrue();
    assertThat(report)
        .contains("user.registered       120  by accounts: 3 one by one (web), 117 in 3 batches (imports)")
        .contains("payment.processed     120  by billing")
        .contains("order.completed       120  by orders")
        .contains("order.completed       120 of 120")
        .contains("Dead-lettered: 1 record(s) on " + settings.deadLetterTopic())
        .contains("why        farm.moonx.events.spi.MalformedEventException:")
        .contains("\"12,50\" is not a decimal number")
        .contains("by         consumer group " + settings.group("audit") + ", after 0 handler attempt(s)")
        .contains("120 of 120 chains complete")
        .containsPattern("trace of the first chain: [0-9a-f]{32} \\(sign-up, payment and order in one trace")
        .contains("OK: all 360 events published and handled");
    // Both releases of the order service took payments: every order arrived, in either version.
    java.util.regex.Matcher versions = java.util.regex.Pattern.compile(
        "order.completed    by version: (\\d+) sent as 1.0, (\\d+) sent as 2.0 \\(1.0 from the not-yet-upgraded")
        .matcher(report);
    assertThat(versions.find()).as(report).isTrue();
    assertThat(Integer.parseInt(versions.group(1)) + Integer.parseInt(versions.group(2))).isEqualTo(120);
    assertThat(Integer.parseInt(versions.group(1))).isPositive();
    assertThat(Integer.parseInt(versions.group(2))).isPositive();
  }

  @Test
  void rejectsAnArgumentItDoesNotKnow() {
    assertThatThrownBy(() -> ShopDemo.run(new String[] {"--user=5"}, "unused:9092", System.out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown argument --user=5");
    assertThatThrownBy(() -> ShopDemo.run(new String[] {"--users=many"}, "unused:9092", System.out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a number: --users=many");
  }
}
