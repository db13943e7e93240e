package farm.moonx.events.cli;

import farm.moonx.events.kafka.DeadLetters;
import farm.moonx.events.kafka.DeadLetters.Entry;
import farm.moonx.events.kafka.DeadLetters.Rejected;
import farm.moonx.events.kafka.DeadLetters.ReplayOptions;
import farm.moonx.events.kafka.DeadLetters.ReplayReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code replay}: send the selected dead letters back. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Sends the selected dead letters back to their original topic (or --to), key and headers kept,"
        + " dlq.* headers removed, replayed.from added.",
        "Progress is kept in a consumer group on the dead-letter topic: an entry is sent at most once per"
            + " destination, whatever the filters; entries failing validation are reported, never sent."})
final class ReplayCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ClusterOptions cluster;

  @Mixin
  FilterOptions filter;

  @Option(names = "--dry-run", description = "Show what would be sent; send nothing, save no progress.")
  boolean dryRun;

  @Option(names = "--to", paramLabel = "<topic>", description = "Send to this topic instead of the original ones.")
  String target;

  @Option(names = "--validate", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Decode and validate each event as a publish would, reporting instead of sending invalid ones"
          + " (default: on; --no-validate sends them as they are).")
  boolean validate;

  @Option(names = "--group", paramLabel = "<id>", description = "The consumer group keeping progress (default: moonx-events-replay.<topic>[.to.<target>]).")
  String group;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = new ProgressBar(err);
    ReplayReport report;
    try (DeadLetters deadLetters = cluster.open()) {
      report = deadLetters.replay(filter.filter(), ReplayOptions.defaults().dryRun(dryRun).targetTopic(target)
          .validate(validate).group(group).progress(bar::update));
    }
    bar.finish();
    for (Entry e : report.sent()) {
      out.println((dryRun ? "would send " : "sent ") + e.partition() + "@" + e.offset() + " " + e.eventType() + " "
          + e.eventId() + " -> " + (target != null ? target : e.originalTopic()));
    }
    for (Rejected r : report.rejected()) {
      out.println("not sent " + r.entry().partition() + "@" + r.entry().offset() + " "
          + (r.entry().eventType() != null ? r.entry().eventType() : "(no type)") + ": " + r.reason());
    }
    out.println((dryRun ? "dry run: would send " : "replayed ") + report.sent().size() + ", rejected "
        + report.rejected().size() + " (progress group " + report.group() + (dryRun ? ", not saved)" : ")"));
    return report.rejected().isEmpty() ? 0 : 2;
  }
}
