package farm.moonx.events.cli;

import farm.moonx.events.kafka.DeadLetters;
import farm.moonx.events.kafka.DeadLetters.Entry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show}: everything about one dead letter, its event redacted. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Shows one dead letter: where it came from, why it failed, and its event (redacted).")
final class ShowCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ClusterOptions cluster;

  @Parameters(paramLabel = "<partition>@<offset>", description = "The entry, as list prints it.")
  String entry;

  @Override
  public Integer call() {
    long[] at = Entries.coordinates(spec.commandLine(), entry);
    PrintWriter out = spec.commandLine().getOut();
    try (DeadLetters deadLetters = cluster.open()) {
      Optional<Entry> found = deadLetters.entry((int) at[0], at[1]);
      if (found.isEmpty()) {
        spec.commandLine().getErr().println("no dead letter at " + deadLetters.topic() + "-" + at[0] + "@" + at[1]);
        return 1;
      }
      print(out, deadLetters.topic(), found.get());
    }
    return 0;
  }

  private static void print(PrintWriter out, String topic, Entry e) {
    line(out, "entry", e.coordinates(topic));
    line(out, "origin", Entries.origin(e));
    line(out, "original time", e.originalTimestamp());
    line(out, "key", e.key());
    line(out, "event type", e.eventType());
    line(out, "event id", e.eventId());
    line(out, "consumer group", e.consumerGroup());
    line(out, "failed at", e.failedAt());
    line(out, "attempts", e.attempts());
    line(out, "error", e.failure().errorClass());
    line(out, "reason", Entries.reason(e));
    line(out, "field", e.failure().fieldPath());
    out.println(e.headers().isEmpty() ? "headers:         -" : "headers:");
    e.headers().forEach((k, v) -> out.printf("  %s: %s%n", k, v));
    Optional<String> json = e.redactedJson();
    if (json.isPresent()) {
      out.println("event:");
      out.println(json.get());
    } else {
      line(out, "decode error", e.decodeError());
      boolean withheld = e.descriptor() != null && e.decodeError() != null && e.decodeError().contains("withheld");
      out.println("raw value (" + e.valueSize() + " bytes" + (e.raw().length < e.valueSize() ? ", first "
          + e.raw().length + " shown" : "") + "):");
      out.println(withheld ? "(withheld: its type has sensitive data)" : new String(e.raw(), StandardCharsets.UTF_8));
    }
  }

  private static void line(PrintWriter out, String label, Object value) {
    out.printf("%-16s %s%n", label + ":", value == null ? "-" : value);
  }
}
