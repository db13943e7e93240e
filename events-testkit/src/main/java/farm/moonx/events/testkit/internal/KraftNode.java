package farm.moonx.events.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft node (broker and controller) with fixed ports and a formatted directory, which can be
 * launched and shut down any number of times. Not thread-safe: its owner serializes calls.
 */
public final class KraftNode {

  private static final Logger LOG = LoggerFactory.getLogger(KraftNode.class);
  /** Fresh ports are tried this often when another process takes one before the broker binds it. */
  private static final int PORT_ATTEMPTS = 3;

  private final int nodeId;
  private final Path directory;
  private final Map<String, Integer> ports;
  private final Properties config;
  private KafkaRaftServer server;

  private KraftNode(int nodeId, Path directory, Map<String, Integer> ports, Properties config) {
    this.nodeId = nodeId;
    this.directory = directory;
    this.ports = ports;
    this.config = config;
  }

  /**
   * Picks free ports, formats a new temporary directory and launches the node. If a port was
   * taken in between, everything is discarded and tried again with fresh ports.
   *
   * @param listenerProtocols security protocol by listener name, including the controller's
   */
  public static KraftNode launchNew(int nodeId, Map<String, String> listenerProtocols,
      Map<String, String> overrides, Duration timeout) {
    for (int attempt = 1; ; attempt++) {
      List<Integer> free = FreePorts.allocate(listenerProtocols.size());
      Map<String, Integer> ports = new LinkedHashMap<>();
      listenerProtocols.keySet().forEach(listener -> ports.put(listener, free.get(ports.size())));
      Path directory = createTempDirectory();
      try {
        Properties config =
            BrokerProperties.build(nodeId, directory.resolve("data"), ports, listenerProtocols, overrides);
        StorageFormatter.format(config, directory.resolve("server.properties"));
        KraftNode node = new KraftNode(nodeId, directory, Collections.unmodifiableMap(ports), config);
        node.launch(timeout);
        return node;
      } catch (RuntimeException e) {
        try {
          Directories.deleteRecursively(directory);
        } catch (RuntimeException cleanupFailure) {
          e.addSuppressed(cleanupFailure);
        }
        if (!isBindFailure(e) || attempt == PORT_ATTEMPTS) {
          throw e;
        }
        LOG.warn("A port of embedded Kafka node {} was taken before the broker bound it; retrying with fresh ports",
            nodeId, e);
      }
    }
  }

  /** Starts the node on its ports and data, and returns once it serves clients. */
  public void launch(Duration timeout) {
    long begin = System.nanoTime();
    KafkaRaftServer candidate = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    try {
      candidate.startup();
      ClusterOps.awaitBroker(address(BrokerProperties.CLIENT_LISTENER), nodeId, timeout);
    } catch (RuntimeException e) {
      try {
        candidate.shutdown();
        candidate.awaitShutdown();
      } catch (RuntimeException shutdownFailure) {
        e.addSuppressed(shutdownFailure);
      }
      throw new IllegalStateException("Embedded Kafka node " + nodeId + " failed to start on ports " + ports
          + (isBindFailure(e) ? " (a port is in use by another process)" : ""), e);
    }
    server = candidate;
    LOG.info("Embedded Kafka node {} serving at {} after {} ms (data in {})",
        nodeId, address(BrokerProperties.CLIENT_LISTENER), elapsedMs(begin), directory);
  }

  /** Shuts the node down cleanly and waits until it has; does nothing if it is not running. */
  public void shutdown() {
    if (server == null) {
      return;
    }
    long begin = System.nanoTime();
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      server = null;
    }
    LOG.info("Embedded Kafka node {} stopped in {} ms", nodeId, elapsedMs(begin));
  }

  /** Deletes the node's directory; call after {@link #shutdown()}. */
  public void deleteDirectory() {
    Directories.deleteRecursively(directory);
  }

  /** @return the node's temporary directory (configuration and data) */
  public Path directory() {
    return directory;
  }

  /** @return the port of each listener, by listener name, controller included */
  public Map<String, Integer> ports() {
    return ports;
  }

  /** @return {@code host:port} of the listener, or null if there is none of that name */
  public String address(String listener) {
    Integer port = ports.get(listener);
    return port == null ? null : BrokerProperties.address(port);
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("moonx-embedded-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory for embedded Kafka", e);
    }
  }

  private static boolean isBindFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static long elapsedMs(long beginNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beginNanos);
  }
}
