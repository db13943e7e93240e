package farm.moonx.events.testkit.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The few admin operations the testkit needs, each waiting on a condition the broker reports (not
 * on a fixed sleep) and bounded by a timeout.
 */
public final class ClusterOps {

  /** How long to wait between two checks of a condition that is not met yet. */
  private static final long POLL_INTERVAL_MS = 50;

  private ClusterOps() {}

  /** A condition checked against the cluster; may fail with a retriable Kafka error. */
  @FunctionalInterface
  private interface Check {
    boolean holds(Admin admin, long remainingMs) throws Exception;
  }

  /**
   * Waits until broker {@code nodeId} is listed as alive (registered and unfenced), i.e. it serves
   * clients.
   */
  public static void awaitBroker(String bootstrapServers, int nodeId, Duration timeout) {
    Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    awaitCondition(config, "broker " + nodeId + " at " + bootstrapServers + " to serve clients", timeout,
        (admin, remainingMs) -> admin.describeCluster().nodes().get(remainingMs, TimeUnit.MILLISECONDS)
            .stream().anyMatch(node -> node.id() == nodeId));
  }

  /**
   * Creates {@code topic} with {@code partitions} partitions and the broker's default replication
   * factor, then waits until every partition's leader serves requests. An existing topic with the
   * same number of partitions is accepted as is; one with a different number is an error.
   *
   * <p>A leader named in the metadata is not enough: on a busy broker it can still answer
   * NOT_LEADER_OR_FOLLOWER for a moment, and an idempotent producer whose first batches fall in
   * that moment was seen stuck in OUT_OF_ORDER_SEQUENCE_NUMBER retries until its delivery timeout.
   * So the wait ends only once a ListOffsets request, which the partition leader alone answers,
   * succeeds for every partition.
   */
  public static void createTopic(Map<String, Object> clientConfig, String topic, int partitions,
      Duration timeout) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("Topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("Topic " + topic + ": partitions must be >= 1, was " + partitions);
    }
    awaitCondition(clientConfig, "topic " + topic + " to have a serving leader on all " + partitions + " partitions",
        timeout, new Check() {
          private boolean created;

          @Override
          public boolean holds(Admin admin, long remainingMs) throws Exception {
            if (!created) {
              created = createIfAbsent(admin, topic, partitions, remainingMs);
            }
            return created && allPartitionsLed(admin, topic, partitions, remainingMs)
                && leadersServe(admin, topic, partitions, remainingMs);
          }
        });
  }

  private static boolean createIfAbsent(Admin admin, String topic, int partitions, long remainingMs)
      throws Exception {
    NewTopic request = new NewTopic(topic, Optional.of(partitions), Optional.empty());
    try {
      admin.createTopics(List.of(request)).all().get(remainingMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    return true;
  }

  private static boolean allPartitionsLed(Admin admin, String topic, int partitions, long remainingMs)
      throws Exception {
    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
        .get(remainingMs, TimeUnit.MILLISECONDS).get(topic);
    List<TopicPartitionInfo> found = description.partitions();
    if (found.size() != partitions) {
      throw new IllegalStateException("Topic " + topic + " already exists with " + found.size()
          + " partitions, not the " + partitions + " requested");
    }
    return found.stream().allMatch(partition -> partition.leader() != null);
  }

  /**
   * Whether every partition's leader answers ListOffsets; a retriable error (the leader not ready
   * yet) fails the future and {@link #awaitCondition} asks again.
   */
  private static boolean leadersServe(Admin admin, String topic, int partitions, long remainingMs)
      throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    admin.listOffsets(request).all().get(remainingMs, TimeUnit.MILLISECONDS);
    return true;
  }

  private static void awaitCondition(Map<String, Object> clientConfig, String what, Duration timeout,
      Check check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> config = new HashMap<>(clientConfig);
    // Keep each admin request well inside our own deadline so a dead broker cannot hang us.
    int requestTimeoutMs = (int) Math.min(timeout.toMillis(), 10_000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, requestTimeoutMs);
    Exception lastFailure = null;
    try (Admin admin = Admin.create(config)) {
      while (true) {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMs <= 0) {
          throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms waiting for " + what,
              lastFailure);
        }
        try {
          if (check.holds(admin, remainingMs)) {
            return;
          }
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof RetriableException)) {
            throw new KafkaException("Failed while waiting for " + what + ": " + e.getCause(), e.getCause());
          }
          lastFailure = e;
        } catch (TimeoutException e) {
          lastFailure = e;
        }
        Thread.sleep(POLL_INTERVAL_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + what, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new KafkaException("Failed while waiting for " + what, e);
    }
  }
}
