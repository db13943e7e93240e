package farm.moonx.events.it.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ChildConsumer} process started with this JVM's java and class path (surefire is set
 * to a plain class path, not a manifest-only jar). Its output goes to a log file next to its
 * record file; {@link #close()} kills it if it still runs, so tests close it in a finally.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path records;
  private final Path log;

  private ChildJvm(Process process, Path records, Path log) {
    this.process = process;
    this.records = records;
    this.log = log;
  }

  /** Starts a consumer child writing what it handles to {@code records}, its file name the child's client id. */
  static ChildJvm start(String bootstrapServers, String topic, String group, Path records, long workMillis) {
    return start(ChildConsumer.class, records, bootstrapServers, topic, group, records.toString(),
        Long.toString(workMillis), records.getFileName().toString());
  }

  /** Starts {@code main} with {@code args}; it writes handled lines to {@code records}. */
  static ChildJvm start(Class<?> main, Path records, String... args) {
    String java = ProcessHandle.current().info().command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path log = records.resolveSibling(records.getFileName() + ".log");
    try {
      Files.createDirectories(records.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new ChildJvm(process, records, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  /** The lines the child has written so far (each a complete {@code sequence,partition,offset,millis}). */
  List<Handled> handled() {
    try {
      if (!Files.exists(records)) {
        return List.of();
      }
      String text = Files.readString(records, StandardCharsets.US_ASCII);
      // Only complete lines: the child may be writing the next one right now.
      text = text.substring(0, text.lastIndexOf('\n') + 1);
      List<Handled> out = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) {
          out.add(Handled.parse(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the process still runs. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, and waits (bounded) until the process is gone. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM (the child closes its consumer), and waits (bounded) until the process is gone. */
  void stop() {
    process.destroy();
    awaitExit();
  }

  /** The child's log, for failure messages. */
  String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** One handled event as a child recorded it. */
  record Handled(long sequence, int partition, long offset, long atMillis) {
    /** The distinct sequence numbers among {@code handled}. */
    static Set<Long> sequences(Collection<Handled> handled) {
      Set<Long> out = new HashSet<>();
      handled.forEach(h -> out.add(h.sequence()));
      return out;
    }

    static Handled parse(String line) {
      String[] parts = line.split(",");
      if (parts.length != 4) {
        throw new IllegalStateException("malformed record line \"" + line + "\"");
      }
      return new Handled(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
          Long.parseLong(parts[3]));
    }
  }
}
