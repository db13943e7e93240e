package farm.moonx.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EventPublisherConfigTest {

  @Test
  void defaultsAreSafe() {
    EventPublisherConfig config = EventPublisherConfig.builder("orders").bootstrapServers("b:9092").build();

    assertThat(config.producerProperties())
        .containsEntry("bootstrap.servers", "b:9092")
        .containsEntry("client.id", "orders-publisher")
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .containsEntry("compression.type", "none")
        .containsEntry("linger.ms", 0L)
        .doesNotContainKeys("retries", "key.serializer", "value.serializer");
    assertThat(config.validationEnabled()).isTrue();
    assertThat(config.cloudEventsHeaders()).isFalse();
    assertThat(config.mainTopic()).isNull();
  }

  @Test
  void batchingMapsOntoLingerAndBatchSizeInBytes() {
    EventPublisherConfig config = EventPublisherConfig.builder("orders").bootstrapServers("b:9092")
        .enableBatching(true).batchBytes(65_536).batchTimeout(Duration.ofMillis(20)).build();

    assertThat(config.producerProperties()).containsEntry("linger.ms", 20L).containsEntry("batch.size", 65_536);
    assertThat(EventPublisherConfig.builder("orders").bootstrapServers("b:9092").batchBytes(65_536).build()
        .producerProperties()).as("batch settings apply only with batching on")
        .containsEntry("linger.ms", 0L).doesNotContainKey("batch.size");
  }

  @Test
  void producerSettingsThatOnlyRenamedAPropertyArePropertiesNow() {
    // Were retryAttempts, deliveryTimeout, maxBlock, clientId: the kafka-clients names, one way to give them.
    EventPublisherConfig config = EventPublisherConfig.builder("orders").bootstrapServers("b:9092")
        .property("retries", 7).property("delivery.timeout.ms", 45_000).property("max.block.ms", 2_000L)
        .property("client.id", "orders-7")
        .build();

    assertThat(config.producerProperties())
        .containsEntry("retries", 7)
        .containsEntry("delivery.timeout.ms", 45_000)
        .containsEntry("max.block.ms", 2_000L)
        .containsEntry("client.id", "orders-7");
  }

  @Test
  void aPropertyWinsOverTheTypedSettingThatWritesTheSameKey() {
    EventPublisherConfig config = EventPublisherConfig.builder("orders").bootstrapServers("typed:9092")
        .property("bootstrap.servers", "property:9092")
        .enableBatching(true).batchTimeout(Duration.ofMillis(20)).property("linger.ms", 7)
        .batchBytes(1_000).property("batch.size", 2_000)
        .transactionalId("typed-tx").property("transactional.id", "property-tx")
        .build();

    assertThat(config.producerProperties())
        .containsEntry("bootstrap.servers", "property:9092")
        .containsEntry("linger.ms", 7)
        .containsEntry("batch.size", 2_000)
        .containsEntry("transactional.id", "property-tx");
    assertThat(config.transactionalId()).as("what the producer is created with").isEqualTo("property-tx");
  }

  @Test
  void aTransactionalIdGivenAsAPropertyMakesThePublisherTransactional() {
    EventPublisherConfig config = EventPublisherConfig.builder("orders").bootstrapServers("b:9092")
        .property("transactional.id", "orders-tx-1").build();

    assertThat(config.transactionalId()).isEqualTo("orders-tx-1");
  }

  @Test
  void theBuilderStaysUsableAndDoesNotChangeABuiltConfig() {
    EventPublisherConfig.Builder builder = EventPublisherConfig.builder("orders").bootstrapServers("b:9092");
    EventPublisherConfig first = builder.build();
    builder.filter(event -> false).property("acks", "all").mainTopic("elsewhere");

    assertThat(first.filters()).isEmpty();
    assertThat(first.mainTopic()).isNull();
    assertThat(builder.build().filters()).hasSize(1);
  }

  @Test
  void disablingRetryAlsoDisablesIdempotenceWhichNeedsRetries() {
    EventPublisherConfig config =
        EventPublisherConfig.builder("orders").bootstrapServers("b:9092").enableRetry(false).build();

    assertThat(config.producerProperties()).containsEntry("retries", 0).containsEntry("enable.idempotence", false);
    assertThatThrownBy(() -> EventPublisherConfig.builder("orders").bootstrapServers("b:9092")
        .enableRetry(false).property("enable.idempotence", "true").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enable.idempotence=true needs retries");
  }

  @Test
  void anyProducerPropertyPassesThroughAndWinsOverDefaults() {
    EventPublisherConfig config = EventPublisherConfig.builder("orders").bootstrapServers("b:9092")
        .property("compression.type", "gzip")
        .property("security.protocol", "SSL")
        .property("ssl.truststore.location", "/etc/kafka/truststore.jks")
        .build();

    assertThat(config.producerProperties())
        .containsEntry("compression.type", "gzip")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks");
  }

  @Test
  void missingServiceNameOrBootstrapServersFailsAtBuildTime() {
    assertThatThrownBy(() -> EventPublisherConfig.builder().bootstrapServers("b:9092").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serviceName is required");
    assertThatThrownBy(() -> EventPublisherConfig.builder("orders").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bootstrapServers is required");
  }

  @Test
  void fromPropertiesReadsOurKeysAndPassesTheRestToKafka() {
    Properties p = new Properties();
    p.setProperty("moonx.events.service.name", "orders");
    p.setProperty("moonx.events.service.version", "2.1.0"); // known, written nowhere: accepted, ignored
    p.setProperty("moonx.events.retry.attempts", "4");
    p.setProperty("moonx.events.delivery.timeout.ms", "45000");
    p.setProperty("moonx.events.topic.main", "moonx.events");
    p.setProperty("moonx.events.cloudevents.enabled", "true");
    p.setProperty("moonx.events.validation.enabled", "false");
    p.setProperty("bootstrap.servers", "k1:9092,k2:9092");
    p.setProperty("sasl.mechanism", "PLAIN");

    EventPublisherConfig config = EventPublisherConfig.fromProperties(p).build();

    assertThat(config.serviceName()).isEqualTo("orders");
    assertThat(config.mainTopic()).isEqualTo("moonx.events");
    assertThat(config.cloudEventsHeaders()).isTrue();
    assertThat(config.validationEnabled()).isFalse();
    assertThat(config.producerProperties())
        .containsEntry("bootstrap.servers", "k1:9092,k2:9092")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("retries", 4)
        .containsEntry("delivery.timeout.ms", 45_000);
  }

  @Test
  void fromPropertiesRejectsAMisspeltKeyAndABadValue() {
    Properties p = new Properties();
    p.setProperty("moonx.events.service.name", "orders");
    p.setProperty("bootstrap.servers", "b:9092");
    p.setProperty("moonx.events.topic.mian", "x");
    assertThatThrownBy(() -> EventPublisherConfig.fromProperties(p).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown setting(s) [moonx.events.topic.mian]")
        .hasMessageContaining("moonx.events.topic.main");

    p.remove("moonx.events.topic.mian");
    p.setProperty("moonx.events.batching.enabled", "yes");
    assertThatThrownBy(() -> EventPublisherConfig.fromProperties(p).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("moonx.events.batching.enabled must be true or false, got \"yes\"");
  }

  @Test
  void fromEnvMapsPrefixedVariablesAndIgnoresTheRest() {
    EventPublisherConfig config = EventPublisherConfig.fromEnv(Map.of(
        "MOONX_EVENTS_SERVICE_NAME", "orders",
        "KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092",
        "KAFKA_COMPRESSION_TYPE", "gzip",
        "PATH", "/usr/bin")).build();

    assertThat(config.serviceName()).isEqualTo("orders");
    assertThat(config.producerProperties())
        .containsEntry("bootstrap.servers", "env-broker:9092")
        .containsEntry("compression.type", "gzip")
        .doesNotContainKey("path");
  }
}
