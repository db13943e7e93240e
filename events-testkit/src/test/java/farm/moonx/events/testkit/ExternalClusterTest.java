package farm.moonx.events.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** The {@code KAFKA_BOOTSTRAP_SERVERS} branch, checked against the shared broker as "external". */
@EmbeddedKafkaTest
class ExternalClusterTest {

  @Test
  void setEnvironmentVariableSelectsThatClusterAndStartsNothing() {
    KafkaCluster cluster = EmbeddedKafkaExtension.openCluster(
        name -> name.equals("KAFKA_BOOTSTRAP_SERVERS") ? " host-a:9092,host-b:9092 " : null);

    assertThat(cluster).isNotInstanceOf(EmbeddedKafka.class);
    assertThat(cluster.bootstrapServers()).isEqualTo("host-a:9092,host-b:9092");
    assertThat(cluster).hasToString("external Kafka cluster at host-a:9092,host-b:9092");
  }

  @Test
  void externalHandleCreatesTopicsOnTheClusterItNames(KafkaCluster shared) throws Exception {
    KafkaCluster external = EmbeddedKafkaExtension.openCluster(name -> shared.bootstrapServers());

    external.createTopic("made-through-external-handle", 2);

    try (Admin admin = Admin.create(shared.clientConfig())) {
      assertThat(admin.describeTopics(List.of("made-through-external-handle")).allTopicNames().get()
          .get("made-through-external-handle").partitions()).hasSize(2);
    }
  }

  @Test
  void blankBootstrapServersAreRejected() {
    assertThatThrownBy(() -> KafkaCluster.external("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
  }

  @Test
  void consumerConfigStartsNewGroupsAtTheEarliestOffset() {
    Map<String, Object> config = KafkaCluster.external("h:1").consumerConfig("g");

    assertThat(config).containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1")
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "g")
        .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
  }
}
