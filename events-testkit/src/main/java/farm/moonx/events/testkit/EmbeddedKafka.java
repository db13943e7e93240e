package farm.moonx.events.testkit;

import farm.moonx.events.testkit.internal.BrokerProperties;
import farm.moonx.events.testkit.internal.ClusterOps;
import farm.moonx.events.testkit.internal.KraftNode;
import farm.moonx.events.testkit.internal.QuietKafkaLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * A real single-node Kafka cluster (one KRaft node acting as broker and controller) running in
 * the current JVM, on free loopback ports, with its data in a fresh temporary directory.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
 *   kafka.createTopic("payments", 3);
 *   Map<String, Object> producerConfig = kafka.clientConfig();
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #stop()} shuts the node down and keeps its ports and data; {@link #start()} (or
 * {@link #restart()}) brings it back on the same ports, so clients created before the stop
 * reconnect on their own. {@link #close()} shuts it down for good and deletes the directory.
 *
 * <p>The broker logs through SLF4J. Its loggers and the clients' ({@code kafka},
 * {@code org.apache.kafka}, {@code state.change.logger}) are set to WARN when the first broker
 * starts, where the binding is slf4j-simple or Logback and the project's own logging
 * configuration sets no level for them. For more, run with {@code -Dmoonx.events.test.log=info}
 * (or {@code debug}; the environment variable {@code MOONX_EVENTS_TEST_LOG} works too). With
 * another binding, set those loggers in its configuration.
 *
 * <p>Instances are thread-safe. Tests that want one broker shared by all test classes use
 * {@link EmbeddedKafkaTest} instead of creating their own.
 */
public final class EmbeddedKafka implements KafkaCluster, AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern LISTENER_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  /** Unique node ids keep the JMX names of two brokers in one JVM apart. */
  private static final AtomicInteger NEXT_NODE_ID = new AtomicInteger(1);

  private enum State { NEW, RUNNING, STOPPED, CLOSED }

  private final int nodeId = NEXT_NODE_ID.getAndIncrement();
  private final Map<String, String> listenerProtocols;
  private final Map<String, String> overrides;

  private State state = State.NEW;
  /** Created by the first start; keeps ports and data until {@link #close()}. */
  private KraftNode node;

  private EmbeddedKafka(Builder builder) {
    this.listenerProtocols = new LinkedHashMap<>(builder.listenerProtocols);
    this.overrides = Map.copyOf(builder.overrides);
  }

  /** @return a builder for a broker with the single-node defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the broker and returns once it serves clients. The first start picks the ports and
   * formats a new directory; a start after {@link #stop()} reuses both. Does nothing if running.
   *
   * @return this, for chaining
   * @throws IllegalStateException if closed, or the broker does not start (the cause says why)
   */
  public synchronized EmbeddedKafka start() {
    switch (state) {
      case RUNNING:
        return this;
      case CLOSED:
        throw new IllegalStateException("EmbeddedKafka is closed; build a new one");
      case NEW:
        QuietKafkaLogs.apply();
        node = KraftNode.launchNew(nodeId, listenerProtocols, overrides, STARTUP_TIMEOUT);
        state = State.RUNNING;
        return this;
      case STOPPED:
        node.launch(STARTUP_TIMEOUT);
        state = State.RUNNING;
        return this;
      default:
        throw new AssertionError(state);
    }
  }

  /**
   * Shuts the broker down cleanly, keeping its ports and data for a later {@link #start()}. Does
   * nothing if the broker is not running.
   */
  public synchronized void stop() {
    if (state != State.RUNNING) {
      return;
    }
    try {
      node.shutdown();
    } finally {
      state = State.STOPPED;
    }
  }

  /**
   * {@link #stop() Stops} the broker if it runs, then {@link #start() starts} it again on the same
   * ports with the same data.
   */
  public synchronized void restart() {
    stop();
    start();
  }

  /** @return whether the broker has been started and not stopped or closed since */
  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /**
   * The address of the default ({@code PLAINTEXT}) listener. It stays the same across
   * {@link #stop()} and {@link #start()}.
   *
   * @return {@code 127.0.0.1:port}
   * @throws IllegalStateException if the broker has never been started
   */
  @Override
  public synchronized String bootstrapServers() {
    return bootstrapServers(BrokerProperties.CLIENT_LISTENER);
  }

  /**
   * The address of a listener added with {@link Builder#listener}, or of {@code PLAINTEXT}.
   *
   * @param listenerName the listener's name, e.g. {@code "SSL"}
   * @return {@code 127.0.0.1:port} of that listener
   * @throws IllegalArgumentException if there is no such client listener
   * @throws IllegalStateException if the broker has never been started
   */
  public synchronized String bootstrapServers(String listenerName) {
    if (node == null) {
      throw new IllegalStateException("EmbeddedKafka has not been started yet: its ports are chosen at start()");
    }
    String address = node.address(listenerName);
    if (address == null || BrokerProperties.CONTROLLER_LISTENER.equals(listenerName)) {
      throw new IllegalArgumentException("No client listener named '" + listenerName + "'; listeners: "
          + listenerProtocols.keySet().stream().filter(n -> !n.equals(BrokerProperties.CONTROLLER_LISTENER)).toList());
    }
    return address;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException also if the broker is not running
   */
  @Override
  public void createTopic(String name, int partitions) {
    Map<String, Object> clientConfig;
    synchronized (this) {
      if (state != State.RUNNING) {
        throw new IllegalStateException("Cannot create topic " + name + ": EmbeddedKafka is " + state);
      }
      clientConfig = clientConfig();
    }
    ClusterOps.createTopic(clientConfig, name, partitions, TOPIC_TIMEOUT);
  }

  /** Stops the broker if it runs and deletes its directory. Later calls do nothing. */
  @Override
  public synchronized void close() {
    if (state == State.CLOSED) {
      return;
    }
    RuntimeException failure = null;
    try {
      stop();
    } catch (RuntimeException e) {
      failure = e;
    }
    state = State.CLOSED;
    try {
      if (node != null) {
        node.deleteDirectory();
      }
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The temporary directory holding configuration and data; null before the first start. */
  synchronized Path directory() {
    return node == null ? null : node.directory();
  }

  /** Every port the node listens on (clients, controller, extra listeners). */
  synchronized List<Integer> ports() {
    return node == null ? List.of() : List.copyOf(node.ports().values());
  }

  @Override
  public synchronized String toString() {
    return "EmbeddedKafka{node " + nodeId + ", " + state + (node == null ? "" : ", " + node.ports()) + "}";
  }

  /** Configures an {@link EmbeddedKafka} before its first start. */
  public static final class Builder {

    private final Map<String, String> listenerProtocols = new LinkedHashMap<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private Builder() {
      listenerProtocols.put(BrokerProperties.CLIENT_LISTENER, SecurityProtocol.PLAINTEXT.name);
      listenerProtocols.put(BrokerProperties.CONTROLLER_LISTENER, SecurityProtocol.PLAINTEXT.name);
    }

    /**
     * Sets a broker property (as in {@code server.properties}), overriding the single-node
     * defaults. Per-listener settings use Kafka's prefix, e.g.
     * {@code listener.name.ssl.ssl.keystore.location}.
     *
     * @param key the property name
     * @param value its value, as written in {@code server.properties}
     * @return this builder
     * @throws IllegalArgumentException for properties EmbeddedKafka manages itself (listeners,
     *     ports, directories, node id, roles)
     */
    public Builder brokerProperty(String key, String value) {
      BrokerProperties.checkOverridable(key);
      if (value == null) {
        throw new IllegalArgumentException("Broker property '" + key + "' must not be null");
      }
      overrides.put(key.trim(), value);
      return this;
    }

    /**
     * Calls {@link #brokerProperty} for each entry.
     *
     * @param properties values by property name
     * @return this builder
     */
    public Builder brokerProperties(Map<String, String> properties) {
      properties.forEach(this::brokerProperty);
      return this;
    }

    /**
     * Adds a client listener on its own free loopback port, advertised to clients, e.g.
     * {@code listener("SSL", SecurityProtocol.SSL)} plus its {@code listener.name.ssl.*} settings
     * through {@link #brokerProperty}. Reach it with {@link EmbeddedKafka#bootstrapServers(String)}.
     *
     * @param name upper-case listener name, other than {@code PLAINTEXT} and {@code CONTROLLER}
     * @param protocol the listener's security protocol
     * @return this builder
     * @throws IllegalArgumentException if the name is malformed or taken
     */
    public Builder listener(String name, SecurityProtocol protocol) {
      if (name == null || !LISTENER_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("Listener name must match " + LISTENER_NAME + ", was '" + name + "'");
      }
      if (listenerProtocols.containsKey(name)) {
        throw new IllegalArgumentException("Listener '" + name + "' is already defined");
      }
      listenerProtocols.put(name, protocol.name);
      return this;
    }

    /** @return a broker that is not started yet */
    public EmbeddedKafka build() {
      return new EmbeddedKafka(this);
    }
  }
}
