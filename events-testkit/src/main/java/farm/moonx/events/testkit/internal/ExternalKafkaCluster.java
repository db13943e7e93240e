package farm.moonx.events.testkit.internal;

import farm.moonx.events.testkit.KafkaCluster;
import java.time.Duration;

/** A cluster the testkit does not own: it only knows how to reach it. */
public final class ExternalKafkaCluster implements KafkaCluster {

  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

  private final String bootstrapServers;

  /**
   * @param bootstrapServers the cluster's {@code bootstrap.servers}; surrounding blanks are ignored
   */
  public ExternalKafkaCluster(String bootstrapServers) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Bootstrap servers of an external Kafka cluster must not be blank");
    }
    this.bootstrapServers = bootstrapServers.trim();
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void createTopic(String name, int partitions) {
    ClusterOps.createTopic(clientConfig(), name, partitions, TOPIC_TIMEOUT);
  }

  @Override
  public String toString() {
    return "external Kafka cluster at " + bootstrapServers;
  }
}
