package farm.moonx.events.kafka.internal;

import farm.moonx.events.kafka.Health;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A bounded cluster check for health endpoints: describe the cluster and, if given, the topic,
 * through one lazily created {@link Admin} whose every call has the check's timeout. A check
 * never takes much longer than that timeout and never throws.
 */
public final class ClusterHealth implements AutoCloseable {
  private final Map<String, Object> adminProperties;
  private final Duration timeout;
  private final String topic;
  private Admin admin;

  /** A check over the cluster {@code clientProperties} point at, bounded by {@code timeout}. */
  public ClusterHealth(Map<String, Object> clientProperties, Duration timeout, String topic) {
    String clientId = String.valueOf(clientProperties.getOrDefault(CommonClientConfigs.CLIENT_ID_CONFIG, "moonx-events"));
    this.adminProperties = ClientProperties.derive(clientProperties, AdminClientConfig.configNames(), clientId + "-health");
    int millis = (int) Math.max(1, timeout.toMillis());
    adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    this.timeout = timeout;
    this.topic = topic;
  }

  /** Checks the cluster (and the topic) now. */
  public synchronized Health check() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("bootstrap.servers", adminProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (admin == null) {
        admin = Admin.create(adminProperties);
      }
      int millis = (int) Math.max(1, timeout.toMillis());
      DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis));
      Collection<Node> nodes = cluster.nodes().get(remaining(deadline), TimeUnit.NANOSECONDS);
      details.put("clusterId", cluster.clusterId().get(remaining(deadline), TimeUnit.NANOSECONDS));
      details.put("brokers", nodes.size());
      if (topic != null) {
        TopicDescription description = admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(millis))
            .allTopicNames().get(remaining(deadline), TimeUnit.NANOSECONDS).get(topic);
        details.put("topic", topic);
        details.put("partitions", description.partitions().size());
      }
      return new Health(!nodes.isEmpty(), details);
    } catch (TimeoutException e) {
      details.put("error", noAnswer());
    } catch (ExecutionException e) {
      details.put("error", failure(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      details.put("error", "interrupted");
    } catch (KafkaException e) {
      details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return new Health(false, details);
  }

  private String failure(Throwable cause) {
    if (cause instanceof UnknownTopicOrPartitionException) {
      return "topic " + topic + " does not exist";
    }
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      // The Admin call's own timeout (as long, started a little later) can fire before the wait
      // in check() gives up on a loaded machine: the same outcome, so the same message.
      return noAnswer();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private String noAnswer() {
    return "no answer from the cluster within " + timeout.toMillis() + " ms";
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ZERO);
      admin = null;
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
