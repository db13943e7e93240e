package farm.moonx.events.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Brokers of its own: stop/restart and close are what the reliability drills and the demo rely on. */
class EmbeddedKafkaLifecycleTest {

  @Test
  void restartKeepsPortsRecordsAndCommittedOffsets() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder()
        .listener("EXTERNAL", SecurityProtocol.PLAINTEXT)
        .build()
        .start()) {
      kafka.createTopic("durable", 2);
      String bootstrapServers = kafka.bootstrapServers();
      List<Integer> ports = kafka.ports();

      try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(kafka))) {
        send(producer, "before", 50);
        assertThat(consume(kafka.consumerConfig("durable-group"), 50))
            .extracting(ConsumerRecord::key).allMatch(key -> key.startsWith("before-"));

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThatThrownBy(() -> kafka.createTopic("while-stopped", 1))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("STOPPED");
        kafka.restart();

        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
        assertThat(kafka.ports()).isEqualTo(ports);
        // The producer created before the stop reconnects to the same address by itself.
        send(producer, "after", 50);
      }

      // The group's committed offsets survived: it resumes after the 50 records it had read.
      assertThat(consume(kafka.consumerConfig("durable-group"), 50))
          .extracting(ConsumerRecord::key).allMatch(key -> key.startsWith("after-"));
      // Every record survived, and the extra listener is back too.
      Map<String, Object> viaExternal = kafka.consumerConfig("fresh-group");
      viaExternal.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers("EXTERNAL"));
      assertThat(consume(viaExternal, 100)).hasSize(100);
      assertThatThrownBy(() -> kafka.bootstrapServers("CONTROLLER"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("No client listener named 'CONTROLLER'; listeners: [PLAINTEXT, EXTERNAL]");
    }
  }

  @Test
  void closeFreesThePortsAndDeletesTheDirectory() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
    List<Integer> ports = kafka.ports();
    Path directory = kafka.directory();
    kafka.createTopic("doomed", 1);
    assertThat(ports).hasSize(2);
    assertThat(directory.resolve("data").resolve("meta.properties")).exists();

    kafka.close();

    assertThat(kafka.isRunning()).isFalse();
    assertThat(directory).doesNotExist();
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
    kafka.close();
    assertThatThrownBy(kafka::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void startOnAPortTakenMeanwhileFailsClearlyAndCanBeRetried() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
      int clientPort = kafka.ports().get(0);
      kafka.stop();

      try (ServerSocket squatter = new ServerSocket(clientPort, 1, InetAddress.getLoopbackAddress())) {
        assertThat(squatter.isBound()).isTrue();
        assertThatThrownBy(kafka::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("a port is in use by another process");
        assertThat(kafka.isRunning()).isFalse();
      }

      kafka.start();
      assertThat(kafka.bootstrapServers()).endsWith(":" + clientPort);
      kafka.createTopic("after-failed-start", 1);
    }
  }

  private static Map<String, Object> producerConfig(KafkaCluster kafka) {
    Map<String, Object> config = kafka.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }

  private static void send(KafkaProducer<String, String> producer, String prefix, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      producer.send(new ProducerRecord<>("durable", prefix + "-" + i, "v")).get(60, TimeUnit.SECONDS);
    }
  }

  /** Reads {@code expected} records, checks no more arrive, and commits what it read. */
  private static List<ConsumerRecord<String, String>> consume(Map<String, Object> config, int expected) {
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("durable"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
      consumer.poll(Duration.ofMillis(300)).forEach(received::add);
      consumer.commitSync();
    }
    assertThat(received).hasSize(expected);
    return received;
  }
}
