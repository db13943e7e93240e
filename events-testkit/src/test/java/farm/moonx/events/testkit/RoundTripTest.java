package farm.moonx.events.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Raw kafka-clients traffic through the shared broker: what every other module relies on. */
@EmbeddedKafkaTest
class RoundTripTest {

  private static final int RECORDS = 1_000;

  @BootstrapServers String bootstrapServers;
  KafkaCluster cluster;

  @Test
  void injectsTheSameClusterIntoFieldsAndParameters(KafkaCluster parameter, @BootstrapServers String servers) {
    assertThat(cluster).isSameAs(parameter);
    assertThat(bootstrapServers).isEqualTo(servers).isEqualTo(parameter.bootstrapServers());
  }

  @Test
  void thousandRecordsReachAConsumerGroupWithKeysAndHeadersIntact() throws Exception {
    // Unique names: against an external cluster (KAFKA_BOOTSTRAP_SERVERS) earlier runs left theirs.
    String topic = "round-trip-" + UUID.randomUUID();
    String group = topic + "-group";
    cluster.createTopic(topic, 3);

    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
      for (int i = 0; i < RECORDS; i++) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
        headers.add("binary", new byte[] {(byte) i, 0, (byte) 0xff});
        producer.send(new ProducerRecord<>(topic, null, "key-" + i, "value-" + i, headers));
      }
      producer.flush();
    }

    Map<String, Object> consumerConfig = cluster.consumerConfig(group);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received.size() < RECORDS && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
      consumer.commitSync();
    }

    assertThat(received).hasSize(RECORDS);
    Map<String, ConsumerRecord<String, String>> byKey = new HashMap<>();
    received.forEach(record -> byKey.put(record.key(), record));
    assertThat(byKey).hasSize(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      ConsumerRecord<String, String> record = byKey.get("key-" + i);
      assertThat(record.value()).isEqualTo("value-" + i);
      assertThat(record.headers().lastHeader("seq").value())
          .isEqualTo(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
      assertThat(record.headers().lastHeader("binary").value()).containsExactly((byte) i, 0, (byte) 0xff);
    }
    assertThat(committedTotal(group, topic)).isEqualTo(RECORDS);
  }

  @Test
  void createTopicIsIdempotentButRejectsAnotherPartitionCount() throws Exception {
    cluster.createTopic("created-twice", 2);
    cluster.createTopic("created-twice", 2);

    try (Admin admin = Admin.create(cluster.clientConfig())) {
      assertThat(admin.describeTopics(List.of("created-twice")).allTopicNames().get()
          .get("created-twice").partitions()).hasSize(2);
    }
    assertThatThrownBy(() -> cluster.createTopic("created-twice", 4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already exists with 2 partitions, not the 4 requested");
    assertThatThrownBy(() -> cluster.createTopic(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cluster.createTopic("no-partitions", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partitions must be >= 1");
  }

  @Test
  void createTopicReturnsOnlyOnceEveryPartitionLeaderAnswersListOffsets() throws Exception {
    // Whether a leader still refuses right after the metadata names it is a race no test can
    // provoke on demand; what is checked is the promise: on return, every leader serves at once.
    String topic = "serving-" + UUID.randomUUID();
    int partitions = 8;
    cluster.createTopic(topic, partitions);

    Map<String, Object> config = cluster.clientConfig();
    config.put(AdminClientConfig.RETRIES_CONFIG, 0); // a NOT_LEADER_OR_FOLLOWER answer fails the call
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    try (Admin admin = Admin.create(config)) {
      assertThat(admin.listOffsets(request).all().get(30, TimeUnit.SECONDS))
          .hasSize(partitions)
          .allSatisfy((partition, info) -> assertThat(info.offset()).isZero());
    }
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = cluster.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }

  private long committedTotal(String group, String topic) throws Exception {
    try (Admin admin = Admin.create(cluster.clientConfig())) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
      long endTotal = admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
      long committedSum = committed.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic))
          .mapToLong(e -> e.getValue().offset()).sum();
      assertThat(committedSum).as("committed offsets reach the end of the topic").isEqualTo(endTotal);
      return committedSum;
    }
  }
}
