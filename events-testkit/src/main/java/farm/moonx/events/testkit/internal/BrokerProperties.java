package farm.moonx.events.testkit.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the configuration of a single-node KRaft broker+controller bound to loopback. */
public final class BrokerProperties {

  /** The listener clients use by default. */
  public static final String CLIENT_LISTENER = "PLAINTEXT";
  /** The listener of the KRaft controller; never advertised to clients. */
  public static final String CONTROLLER_LISTENER = "CONTROLLER";

  private static final String HOST = "127.0.0.1";

  /**
   * Keys the testkit derives from its own state (ports, directory, node id). Overriding them would
   * silently break restart on the same ports or the cleanup of the directory.
   */
  private static final Set<String> MANAGED_KEYS = Set.of(
      "process.roles", "node.id", "broker.id", "log.dir", "log.dirs", "metadata.log.dir",
      "controller.quorum.voters", "controller.quorum.bootstrap.servers", "controller.listener.names",
      "listeners", "advertised.listeners", "listener.security.protocol.map",
      "inter.broker.listener.name", "security.inter.broker.protocol");

  private BrokerProperties() {}

  /**
   * Defaults that make one node a complete cluster: internal topics with replication factor 1,
   * no initial rebalance delay, and a small log-cleaner buffer (the default 128 MiB buffer is the
   * largest single allocation of an idle broker).
   */
  public static Map<String, String> singleNodeDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("offsets.topic.replication.factor", "1");
    defaults.put("offsets.topic.num.partitions", "5");
    defaults.put("transaction.state.log.replication.factor", "1");
    defaults.put("transaction.state.log.min.isr", "1");
    defaults.put("transaction.state.log.num.partitions", "5");
    defaults.put("share.coordinator.state.topic.replication.factor", "1");
    defaults.put("share.coordinator.state.topic.min.isr", "1");
    defaults.put("default.replication.factor", "1");
    defaults.put("min.insync.replicas", "1");
    defaults.put("group.initial.rebalance.delay.ms", "0");
    defaults.put("log.cleaner.dedupe.buffer.size", "2097152");
    return defaults;
  }

  /** Throws if {@code key} is one the testkit manages itself; the message says what to use instead. */
  public static void checkOverridable(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("Broker property name must not be blank");
    }
    if (MANAGED_KEYS.contains(key.trim())) {
      throw new IllegalArgumentException("Broker property '" + key + "' is managed by EmbeddedKafka"
          + " (ports, directory and node id must stay stable across restarts); use"
          + " EmbeddedKafka.Builder.listener(name, protocol) to add a listener");
    }
  }

  /**
   * The complete broker configuration.
   *
   * @param ports port of each listener, by listener name; includes {@link #CONTROLLER_LISTENER}
   * @param protocols security protocol of each listener, by listener name
   * @param overrides caller's properties, applied over {@link #singleNodeDefaults()}
   */
  public static Properties build(int nodeId, Path logDir, Map<String, Integer> ports,
      Map<String, String> protocols, Map<String, String> overrides) {
    Properties props = new Properties();
    props.putAll(singleNodeDefaults());
    props.putAll(overrides);
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(nodeId));
    props.put("controller.quorum.voters", nodeId + "@" + HOST + ":" + ports.get(CONTROLLER_LISTENER));
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", CLIENT_LISTENER);
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    props.put("listeners", joinListeners(ports, name -> true));
    props.put("advertised.listeners", joinListeners(ports, name -> !name.equals(CONTROLLER_LISTENER)));
    props.put("listener.security.protocol.map", protocols.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(",")));
    return props;
  }

  /** {@code host:port} of a listener, as clients write it in {@code bootstrap.servers}. */
  public static String address(int port) {
    return HOST + ":" + port;
  }

  private static String joinListeners(Map<String, Integer> ports,
      java.util.function.Predicate<String> include) {
    return ports.entrySet().stream()
        .filter(e -> include.test(e.getKey()))
        .map(e -> e.getKey() + "://" + address(e.getValue()))
        .collect(Collectors.joining(","));
  }
}
