package farm.moonx.events.cli;

import farm.moonx.events.kafka.DeadLetters;
import farm.moonx.events.kafka.DeadLetters.Entry;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list}: one line per dead letter. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists dead letters as a table.")
final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ClusterOptions cluster;

  @Mixin
  FilterOptions filter;

  @Option(names = "--limit", defaultValue = "100", description = "Show at most this many (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (DeadLetters deadLetters = cluster.open()) {
      List<Entry> entries = deadLetters.list(filter.filter());
      Table table = new Table(60, "ENTRY", "FAILED AT", "EVENT TYPE", "ORIGIN", "TRIES", "ERROR", "REASON");
      for (Entry e : entries.subList(0, Math.min(limit, entries.size()))) {
        table.row(e.partition() + "@" + e.offset(),
            e.failedAt() == null ? null : e.failedAt().truncatedTo(ChronoUnit.SECONDS),
            e.eventType(), Entries.origin(e), e.attempts(), Entries.simpleName(e.failure().errorClass()),
            Entries.reason(e));
      }
      table.print(out);
      out.println(entries.size() + " dead letter(s) in " + deadLetters.topic()
          + (entries.size() > limit ? ", first " + limit + " shown" : ""));
    }
    return 0;
  }
}
