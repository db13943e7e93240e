package farm.moonx.events.cli;

import farm.moonx.events.kafka.DeadLetters.Entry;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** How the commands print parts of an entry. */
final class Entries {
  private Entries() {}

  static String origin(Entry e) {
    return e.originalPartition() < 0 ? e.originalTopic() : e.originalTopic() + "-" + e.originalPartition() + "@"
        + e.originalOffset();
  }

  static String simpleName(String className) {
    return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
  }

  /** The failure message as the dead-letter header has it (the writer redacted it). */
  static String reason(Entry e) {
    String message = e.failure().message();
    return message == null || message.isEmpty() ? "(no message)" : message;
  }

  /** {@code <partition>@<offset>}, or a bare offset in partition 0. */
  static long[] coordinates(CommandLine cli, String text) {
    try {
      int at = text.indexOf('@');
      return at < 0 ? new long[] {0, Long.parseLong(text)}
          : new long[] {Integer.parseInt(text.substring(0, at)), Long.parseLong(text.substring(at + 1))};
    } catch (NumberFormatException e) {
      throw new ParameterException(cli, "not an entry: \"" + text + "\"; expected <partition>@<offset> as list prints");
    }
  }
}
