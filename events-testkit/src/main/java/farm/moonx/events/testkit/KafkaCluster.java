package farm.moonx.events.testkit;

import farm.moonx.events.testkit.internal.ExternalKafkaCluster;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A Kafka cluster tests can talk to: the {@link EmbeddedKafka} broker or an external cluster named
 * by its bootstrap servers. Tests written against this interface run unchanged on both.
 */
public interface KafkaCluster {

  /**
   * The {@code bootstrap.servers} value clients use to reach this cluster.
   *
   * @return a comma-separated list of {@code host:port}
   */
  String bootstrapServers();

  /**
   * Creates a topic with the broker's default replication factor (1 on the embedded broker) and
   * returns once every partition has a leader, so records can be produced at once. Calling it
   * again for a topic that already exists with the same number of partitions does nothing.
   *
   * @param name the topic name
   * @param partitions the number of partitions, at least 1
   * @throws IllegalArgumentException if the name is blank or {@code partitions < 1}
   * @throws IllegalStateException if the topic exists with another number of partitions, or the
   *     cluster does not answer in time
   */
  void createTopic(String name, int partitions);

  /**
   * Base configuration for any Kafka client (producer, consumer, admin) of this cluster.
   *
   * @return a new mutable map holding {@code bootstrap.servers}
   */
  default Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return config;
  }

  /**
   * Base configuration for a consumer in group {@code groupId} that starts from the earliest
   * offset when the group has none committed (so it sees records produced before it joined).
   *
   * @param groupId the consumer group
   * @return a new mutable map; add deserializers before use
   */
  default Map<String, Object> consumerConfig(String groupId) {
    Map<String, Object> config = clientConfig();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return config;
  }

  /**
   * A handle on a cluster that is already running elsewhere; nothing is started or stopped.
   *
   * @param bootstrapServers the cluster's {@code bootstrap.servers}
   * @return a handle whose {@link #bootstrapServers()} is the given value
   * @throws IllegalArgumentException if {@code bootstrapServers} is blank
   */
  static KafkaCluster external(String bootstrapServers) {
    return new ExternalKafkaCluster(bootstrapServers);
  }
}
