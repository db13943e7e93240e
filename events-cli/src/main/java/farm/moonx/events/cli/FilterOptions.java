package farm.moonx.events.cli;

import farm.moonx.events.kafka.DeadLetters.Filter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which dead letters a command takes. */
final class FilterOptions {
  @Option(names = "--type", paramLabel = "<eventType>", split = ",", description = "Only these event types.")
  Set<String> types = new LinkedHashSet<>();

  @Option(names = "--error", paramLabel = "<class>", split = ",",
      description = "Only these error classes (simple or full names).")
  Set<String> errors = new LinkedHashSet<>();

  @Option(names = "--partition", paramLabel = "<n>", description = "Only this original partition.")
  Integer partition;

  @Option(names = "--from-offset", paramLabel = "<n>", description = "Only original offsets >= n.")
  Long fromOffset;

  @Option(names = "--to-offset", paramLabel = "<n>", description = "Only original offsets <= n.")
  Long toOffset;

  @Option(names = "--since", paramLabel = "<instant>", description = "Dead-lettered at or after, e.g. 2026-11-30T14:00:00Z.")
  Instant since;

  @Option(names = "--until", paramLabel = "<instant>", description = "Dead-lettered before.")
  Instant until;

  Filter filter() {
    return Filter.all().eventTypes(types).errorClasses(errors).original(partition, fromOffset, toOffset)
        .failedBetween(since, until);
  }
}
