package farm.moonx.events.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the KRaft storage of a new node, as {@code kafka-storage.sh format} does, without
 * leaving the JVM ({@link StorageTool#execute} returns an exit code instead of calling
 * {@code System.exit}).
 */
public final class StorageFormatter {

  private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);

  private StorageFormatter() {}

  /**
   * Writes {@code config} to {@code configFile} (the tool reads its configuration from a file) and
   * formats the log directories it names for a new, randomly named cluster.
   */
  public static void format(Properties config, Path configFile) {
    try (OutputStream out = Files.newOutputStream(configFile)) {
      config.store(out, "Written by moonx-events EmbeddedKafka");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write broker configuration to " + configFile, e);
    }
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode = StorageTool.execute(
          new String[] {"format", "--cluster-id", clusterId, "--config", configFile.toString()},
          printStream);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8)
          .trim(), e);
    }
    String toolOutput = output.toString(StandardCharsets.UTF_8).trim();
    if (exitCode != 0) {
      throw new IllegalStateException("Formatting Kafka storage failed with exit code " + exitCode + ": "
          + toolOutput);
    }
    LOG.debug("Formatted Kafka storage for cluster {}: {}", clusterId, toolOutput);
  }
}
