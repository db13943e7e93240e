package farm.moonx.events.it.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one summary line of a reliability drill, {@code drill=<name> published=… handled=… dlq=…
 * lost=… duplicates=…} followed by what the drill measured. Printed to the test output and
 * appended to {@code target/drill-summary.txt}, so a build leaves the numbers behind.
 */
final class DrillReport {
  private final String drill;
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private DrillReport(String drill) {
    this.drill = drill;
  }

  /** The accounting every drill reports first. */
  static DrillReport of(String drill, long published, long handled, long deadLettered, long lost, long duplicates) {
    DrillReport report = new DrillReport(drill);
    report.fields.put("published", published);
    report.fields.put("handled", handled);
    report.fields.put("dlq", deadLettered);
    report.fields.put("lost", lost);
    report.fields.put("duplicates", duplicates);
    return report;
  }

  /** Adds a measured value. */
  DrillReport with(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  /** The line. */
  String line() {
    return "drill=" + drill + " " + fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }

  /** Prints the line and appends it to {@code target/drill-summary.txt}. */
  void print() {
    String line = line();
    System.out.println(line);
    try {
      Path file = Path.of("target", "drill-summary.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("could not record the drill summary", e);
    }
  }
}
