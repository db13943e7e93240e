package farm.moonx.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.spi.EventDispatcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A service that publishes and consumes reads both configs from one environment (issue 10,
 * item 7): the shared {@code MOONX_EVENTS_*} keys work for both, only property names
 * kafka-clients knows pass from {@code KAFKA_*} variables (Kubernetes service links and
 * {@code KAFKA_HEAP_OPTS} are not producer properties), and weakening a safe default is logged.
 */
class SharedEnvironmentTest {
  private static final Map<String, String> ENV = Map.ofEntries(
      Map.entry("MOONX_EVENTS_SERVICE_NAME", "billing"),
      Map.entry("MOONX_EVENTS_TOPICS", "signups"),
      Map.entry("MOONX_EVENTS_VALIDATION_ENABLED", "true"),
      Map.entry("MOONX_EVENTS_CONCURRENCY", "2"),
      Map.entry("MOONX_EVENTS_BATCHING_ENABLED", "true"),
      Map.entry("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"),
      Map.entry("KAFKA_GROUP_ID", "billing"),
      Map.entry("KAFKA_COMPRESSION_TYPE", "zstd"),
      Map.entry("KAFKA_MAX_POLL_RECORDS", "50"),
      Map.entry("KAFKA_HEAP_OPTS", "-Xmx1g"),
      Map.entry("KAFKA_PORT", "tcp://10.0.0.7:9092"),
      Map.entry("KAFKA_SERVICE_HOST", "10.0.0.7"),
      Map.entry("KAFKA_PORT_9092_TCP_ADDR", "10.0.0.7"));

  private static final EventDispatcher NOTHING = new EventDispatcher() {
    @Override
    public farm.moonx.events.EventRegistry registry() {
      return farm.moonx.events.EventRegistry.of();
    }

    @Override
    public boolean dispatch(farm.moonx.events.EventEnvelope<?> envelope, farm.moonx.events.Delivery delivery) {
      return false;
    }
  };

  @Test
  void oneEnvironmentConfiguresThePublisherAndTheConsumer() {
    EventPublisherConfig publisher = EventPublisherConfig.fromEnv(ENV).build();
    EventConsumerConfig consumer = EventConsumerConfig.fromEnv(ENV).dispatcher(NOTHING).build();

    assertThat(publisher.serviceName()).isEqualTo("billing");
    assertThat(consumer.topics()).containsExactly("signups");
    assertThat(consumer.concurrency()).isEqualTo(2);
  }

  @Test
  void onlyPropertiesKafkaClientsKnowsArePassedOn() {
    Map<String, Object> producer = EventPublisherConfig.fromEnv(ENV).build().producerProperties();
    Map<String, Object> consumer = EventConsumerConfig.fromEnv(ENV).dispatcher(NOTHING).build().consumerProperties();

    assertThat(producer).containsEntry("bootstrap.servers", "broker:9092").containsEntry("compression.type", "zstd")
        .doesNotContainKeys("heap.opts", "port", "service.host", "port.9092.tcp.addr", "group.id", "max.poll.records");
    assertThat(consumer).containsEntry("bootstrap.servers", "broker:9092").containsEntry("group.id", "billing")
        .containsEntry("max.poll.records", "50")
        .doesNotContainKeys("heap.opts", "port", "service.host", "port.9092.tcp.addr", "compression.type");
  }

  @Test
  void variablesNeitherClientKnowsAreNamedInOneWarningWithoutTheirValues() {
    String log = stderrOf(() -> EventPublisherConfig.fromEnv(ENV).build());

    assertThat(log).contains("KAFKA_HEAP_OPTS").contains("KAFKA_PORT").contains("KAFKA_SERVICE_HOST")
        .doesNotContain("KAFKA_GROUP_ID") // the consumer's: not a mistake in a shared environment
        .doesNotContain("-Xmx1g").doesNotContain("10.0.0.7");
    assertThat(log.lines().filter(l -> l.contains("KAFKA_HEAP_OPTS")).count()).isEqualTo(1);
  }

  @Test
  void aMisspeltSettingIsStillRejectedByBoth() {
    Map<String, String> typo = new java.util.HashMap<>(ENV);
    typo.put("MOONX_EVENTS_TOPIX", "signups");
    assertThatThrownBy(() -> EventPublisherConfig.fromEnv(typo)).hasMessageContaining("moonx.events.topix");
    assertThatThrownBy(() -> EventConsumerConfig.fromEnv(typo)).hasMessageContaining("moonx.events.topix");
  }

  @Test
  void aTypeScriptServicesVersionIsAcceptedByBothAndWrittenNowhere() {
    Map<String, String> env = new java.util.HashMap<>(ENV);
    env.put("MOONX_EVENTS_SERVICE_VERSION", "1.0.0");

    assertThat(EventPublisherConfig.fromEnv(env).build().producerProperties()).doesNotContainValue("1.0.0");
    assertThat(EventConsumerConfig.fromEnv(env).dispatcher(NOTHING).build().consumerProperties())
        .doesNotContainValue("1.0.0");
  }

  @Test
  void aTypeScriptBatchSizeCountsEventsSoItIsNeverTakenAsBytes() {
    Map<String, String> env = new java.util.HashMap<>(ENV); // batching enabled
    env.put("MOONX_EVENTS_BATCH_SIZE", "100");

    AtomicReference<Map<String, Object>> producer = new AtomicReference<>();
    String log = stderrOf(() -> producer.set(EventPublisherConfig.fromEnv(env).build().producerProperties()));
    assertThat(producer.get()).as("100 bytes would make every batch one event").doesNotContainKey("batch.size");
    assertThat(log).contains("moonx.events.batch.size is ignored").contains("moonx.events.batch.bytes");
    assertThat(EventConsumerConfig.fromEnv(env).dispatcher(NOTHING).build().topics()).containsExactly("signups");

    env.put("MOONX_EVENTS_BATCH_BYTES", "65536");
    assertThat(EventPublisherConfig.fromEnv(env).build().producerProperties()).containsEntry("batch.size", 65_536);
  }

  @Test
  void weakeningASafeDefaultIsLogged() {
    String log = stderrOf(() -> EventPublisherConfig.builder("billing").bootstrapServers("b:9092")
        .property("acks", "1").property("ssl.endpoint.identification.algorithm", "").build());
    assertThat(log).contains("acks=1").contains("ssl.endpoint.identification.algorithm");

    String consumerLog = stderrOf(() -> EventConsumerConfig.builder("billing").topics(java.util.List.of("t"))
        .bootstrapServers("b:9092").dispatcher(NOTHING).property("ssl.endpoint.identification.algorithm", "").build());
    assertThat(consumerLog).contains("ssl.endpoint.identification.algorithm");

    String quiet = stderrOf(() -> EventPublisherConfig.builder("billing").bootstrapServers("b:9092").build());
    assertThat(quiet).doesNotContain("acks").doesNotContain("idempotence");
  }

  private static String stderrOf(Runnable action) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
