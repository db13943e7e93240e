package farm.moonx.events.examples;

import farm.moonx.events.testkit.EmbeddedKafka;
import farm.moonx.events.testkit.KafkaCluster;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * The demo: a shop on Kafka. The accounts service publishes sign-ups (one by one and in
 * batches); billing charges each new user ({@code payment.processed}, caused by the sign-up);
 * orders completes each paid order ({@code order.completed}, caused by the payment); the audit
 * service handles all three through the generated {@code ShopHandler}. One malformed record is
 * written on purpose and ends on the dead-letter topic. Then a report, and exit code 0 only if
 * every event is accounted for.
 *
 * <p>Without {@code KAFKA_BOOTSTRAP_SERVERS} it starts an embedded broker; with it, it uses
 * that cluster, on topics of its own that it deletes afterwards.
 *
 * <p>Arguments: {@code --users=N} (default 500), {@code --timeout=SECONDS} (default 120).
 */
public final class ShopDemo {
  private static final int DEFAULT_USERS = 500;
  private static final int DEFAULT_TIMEOUT_SECONDS = 120;
  private static final Duration REACH_TIMEOUT = Duration.ofSeconds(15);

  private ShopDemo() {}

  /** Runs the demo and exits with 0 if every event is accounted for, 1 if not, 2 on an error. */
  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.getenv("KAFKA_BOOTSTRAP_SERVERS"), System.out) ? 0 : 1;
    } catch (IllegalArgumentException e) {
      System.err.println("moonx-events demo: " + e.getMessage());
      status = 2;
    } catch (Exception e) {
      System.err.println("moonx-events demo failed:");
      e.printStackTrace();
      status = 2;
    }
    // Everything is closed by now; exit explicitly so the status reaches the caller (Maven).
    System.exit(status);
  }

  /**
   * Runs the demo on the cluster at {@code bootstrapServers}, or on an embedded broker if it is
   * null or blank, printing to {@code out}.
   *
   * @return whether every event is accounted for
   * @throws IllegalArgumentException if an argument is not understood
   */
  static boolean run(String[] args, String bootstrapServers, PrintStream out) throws Exception {
    int users = intArgument(args, "--users=", DEFAULT_USERS);
    Duration timeout = Duration.ofSeconds(intArgument(args, "--timeout=", DEFAULT_TIMEOUT_SECONDS));
    boolean animate = System.console() != null || Boolean.getBoolean("demo.animate");
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      out.println("moonx-events demo: starting an embedded Kafka broker (set KAFKA_BOOTSTRAP_SERVERS to use yours) ...");
      try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
        return run(kafka, new ShopSettings(users, "", timeout, animate), out);
      }
    }
    KafkaCluster cluster = KafkaCluster.external(bootstrapServers);
    checkReachable(cluster);
    ShopSettings settings = new ShopSettings(users, "demo-" + System.currentTimeMillis(), timeout, animate);
    try {
      return run(cluster, settings, out);
    } finally {
      deleteTopics(cluster, List.of(settings.topic(), settings.deadLetterTopic()));
    }
  }

  /** Runs the shop on {@code cluster} and prints what happened; returns whether all is accounted for. */
  static boolean run(KafkaCluster cluster, ShopSettings settings, PrintStream out) throws Exception {
    out.printf("moonx-events demo on %s: %d users sign up; billing, orders and audit react%n",
        cluster.bootstrapServers(), settings.users());
    out.printf("  topic %s (3 partitions), dead letters to %s%n", settings.topic(), settings.deadLetterTopic());
    ShopOutcome outcome = new ShopRun(cluster, settings, out).run();
    return new ShopReport(outcome, out).print();
  }

  private static void checkReachable(KafkaCluster cluster) throws InterruptedException {
    Admin admin = Admin.create(cluster.clientConfig());
    try {
      admin.describeCluster().clusterId().get(REACH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalArgumentException("cannot reach Kafka at KAFKA_BOOTSTRAP_SERVERS=" + cluster.bootstrapServers()
          + " within " + REACH_TIMEOUT.toSeconds() + " s (" + e + ")", e);
    } finally {
      admin.close(Duration.ZERO); // not the default close, which waits for the pending call to time out
    }
  }

  /** Removes this run's topics from a shared cluster; a failure is reported, not thrown. */
  private static void deleteTopics(KafkaCluster cluster, List<String> topics) throws InterruptedException {
    Admin admin = Admin.create(cluster.clientConfig());
    try {
      admin.deleteTopics(topics).all().get(REACH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("moonx-events demo: could not delete its topics " + topics + ": " + e);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  private static int intArgument(String[] args, String prefix, int defaultValue) {
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        try {
          return Integer.parseInt(arg.substring(prefix.length()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a number: " + arg, e);
        }
      } else if (!arg.startsWith("--users=") && !arg.startsWith("--timeout=")) {
        throw new IllegalArgumentException("unknown argument " + arg + "; use --users=N and --timeout=SECONDS");
      }
    }
    return defaultValue;
  }
}
