package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.CARD_CHARGED;
import static farm.moonx.events.kafka.KafkaTestEvents.ORDER_PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.kafka.EventConsumerConfig.CommitMode;
import farm.moonx.events.kafka.EventConsumerConfig.UnknownTypePolicy;
import farm.moonx.events.spi.EventDispatcher;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class EventConsumerConfigTest {
  private static EventConsumerConfig.Builder minimal() {
    return EventConsumerConfig.builder("billing").bootstrapServers("b:9092").topics("orders")
        .handler(ORDER_PLACED, (event, delivery) -> { });
  }

  @Test
  void defaults() {
    EventConsumerConfig config = minimal().build();

    assertThat(config.consumerProperties())
        .containsEntry("bootstrap.servers", "b:9092")
        .containsEntry("group.id", "billing")
        .containsEntry("client.id", "billing")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("auto.offset.reset", "earliest")
        .doesNotContainKeys("key.deserializer", "value.deserializer");
    assertThat(config.deadLetterTopic("orders")).isEqualTo("orders.dlq");
    assertThat(config.unknownTypePolicy()).isEqualTo(UnknownTypePolicy.SKIP);
    assertThat(config.commitMode()).isEqualTo(CommitMode.AFTER_EACH_BATCH);
    assertThat(config.concurrency()).isEqualTo(1);
    assertThat(config.dispatcher().handles("order.placed")).isTrue();
    assertThat(config.dispatcher().handles("card.charged")).isFalse();
  }

  @Test
  void fetchMaxWaitStaysKafkasUnlessSetSinceItAlsoPacesShortRetries() {
    // Documented choice (RetryPolicy "Pacing"): short retry delays do not silently lower
    // Kafka's fetch.max.wait.ms; whoever needs tight pacing sets it, and that reaches the consumer.
    RetryPolicy quick = RetryPolicy.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(50)).build();
    assertThat(minimal().retryPolicy(quick).build().consumerProperties()).doesNotContainKey("fetch.max.wait.ms");
    assertThat(minimal().retryPolicy(quick).property("fetch.max.wait.ms", 50).build().consumerProperties())
        .containsEntry("fetch.max.wait.ms", 50);
  }

  @Test
  void kafkasOwnAutoCommitIsRejected() {
    assertThatThrownBy(() -> minimal().property("enable.auto.commit", "true").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enable.auto.commit=true is not supported");
    assertThat(minimal().property("enable.auto.commit", "false").build().consumerProperties())
        .containsEntry("enable.auto.commit", false);
  }

  @Test
  void missingPartsFailAtBuildTimeWithClearMessages() {
    assertThatThrownBy(() -> EventConsumerConfig.builder("g").topics("t").handler(ORDER_PLACED, (e, c) -> { }).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrapServers");
    assertThatThrownBy(() -> EventConsumerConfig.builder("g").bootstrapServers("b:1").handler(ORDER_PLACED, (e, c) -> { }).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one topic");
    assertThatThrownBy(() -> EventConsumerConfig.builder("g").bootstrapServers("b:1").topics("t").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing handles events");
    assertThatThrownBy(() -> EventConsumerConfig.builder(null).bootstrapServers("b:1").topics("t")
        .handler(ORDER_PLACED, (e, c) -> { }).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groupId");
    assertThatThrownBy(() -> minimal().concurrency(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency must be at least 1");
    assertThatThrownBy(() -> minimal().handler(ORDER_PLACED, (e, c) -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already registered");
  }

  @Test
  void theDeadLetterProducerInheritsConnectionSettingsOnly() {
    EventConsumerConfig config = minimal()
        .property("security.protocol", "SASL_SSL")
        .property("sasl.mechanism", "SCRAM-SHA-512")
        .property("max.poll.records", 50)
        .property("compression.type", "gzip") // only a producer knows it: the dead-letter producer's
        .deadLetterTimeout(Duration.ofSeconds(20))
        .build();

    assertThat(config.consumerProperties()).containsEntry("max.poll.records", 50)
        .doesNotContainKey("compression.type");

    assertThat(config.deadLetterProducerProperties())
        .containsEntry("bootstrap.servers", "b:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("client.id", "billing-dlq")
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .containsEntry("compression.type", "gzip")
        .containsEntry("delivery.timeout.ms", 20_000)
        .doesNotContainKeys("max.poll.records", "group.id", "auto.offset.reset");
  }

  @Test
  void aProducerOnlyPropertyOverridesTheDeadLetterDefaults() {
    EventConsumerConfig config = minimal().property("delivery.timeout.ms", 90_000).property("acks", "1").build();

    assertThat(config.deadLetterProducerProperties())
        .containsEntry("delivery.timeout.ms", 90_000)
        .containsEntry("acks", "1");
    assertThat(config.consumerProperties()).doesNotContainKeys("delivery.timeout.ms", "acks");
  }

  /**
   * The dead-letter producer is created at the first dead letter, but its properties are checked
   * when the container is created: a value Kafka rejects fails there, not at the first poison
   * record. No broker is needed for either failure.
   */
  @Test
  void deadLetterProducerPropertiesKafkaRejectsFailWhenTheContainerIsCreated() {
    assertThatThrownBy(() -> KafkaEventConsumer.create(minimal().property("acks", "1").build()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("acks");
    assertThatThrownBy(() -> KafkaEventConsumer.create(minimal().property("compression.type", "zip").build()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("compression.type");

    KafkaEventConsumer.create(minimal().property("compression.type", "gzip").build()).close();
  }

  @Test
  void aPropertyWinsOverTheTypedSettingThatWritesTheSameKey() {
    EventConsumerConfig config = minimal().property("group.id", "billing-v2").property("bootstrap.servers", "p:9092")
        .build();

    assertThat(config.groupId()).isEqualTo("billing-v2");
    assertThat(config.consumerProperties())
        .containsEntry("group.id", "billing-v2")
        .containsEntry("bootstrap.servers", "p:9092")
        .containsEntry("client.id", "billing-v2");
  }

  @Test
  void theBuilderStaysUsableAndDoesNotChangeABuiltConfig() {
    EventConsumerConfig.Builder builder = minimal();
    EventConsumerConfig first = builder.build();
    builder.topics("payments").property("max.poll.records", 5).handler(CARD_CHARGED, (e, d) -> { });

    assertThat(first.topics()).containsExactly("orders");
    assertThat(first.consumerProperties()).doesNotContainKey("max.poll.records");
    assertThat(first.dispatcher().handles("card.charged")).isFalse();
    assertThat(builder.build().topics()).containsExactly("orders", "payments");
  }

  @Test
  void fromPropertiesFillsABuilder() {
    Properties p = new Properties();
    p.setProperty("moonx.events.topics", "orders, payments");
    p.setProperty("moonx.events.concurrency", "3");
    p.setProperty("moonx.events.dlq.topic", "billing.dlq");
    p.setProperty("moonx.events.unknown.type.policy", "dead_letter");
    p.setProperty("moonx.events.commit.mode", "after_each_record");
    p.setProperty("moonx.events.retry.max.attempts", "5");
    p.setProperty("group.id", "billing");
    p.setProperty("bootstrap.servers", "k:9092");
    p.setProperty("max.poll.records", "100");

    EventConsumerConfig config = EventConsumerConfig.fromProperties(p).handler(ORDER_PLACED, (e, c) -> { }).build();

    assertThat(config.topics()).containsExactly("orders", "payments");
    assertThat(config.concurrency()).isEqualTo(3);
    assertThat(config.deadLetterTopic("orders")).isEqualTo("billing.dlq");
    assertThat(config.unknownTypePolicy()).isEqualTo(UnknownTypePolicy.DEAD_LETTER);
    assertThat(config.commitMode()).isEqualTo(CommitMode.AFTER_EACH_RECORD);
    assertThat(config.retryPolicy().maxAttempts()).isEqualTo(5);
    assertThat(config.groupId()).isEqualTo("billing");
    assertThat(config.consumerProperties()).containsEntry("max.poll.records", "100");

    p.setProperty("moonx.events.commit.mode", "sometimes");
    assertThatThrownBy(() -> EventConsumerConfig.fromProperties(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("moonx.events.commit.mode must be one of [AFTER_EACH_RECORD, AFTER_EACH_BATCH]");
  }

  @Test
  void fromEnvReadsTheSameKeys() {
    EventConsumerConfig config = EventConsumerConfig.fromEnv(Map.of(
            "MOONX_EVENTS_TOPICS", "orders", "KAFKA_GROUP_ID", "billing", "KAFKA_BOOTSTRAP_SERVERS", "k:9092"))
        .handler(ORDER_PLACED, (e, c) -> { }).build();
    assertThat(config.groupId()).isEqualTo("billing");
    assertThat(config.topics()).containsExactly("orders");
  }

  @Test
  void handlersCombineWithAGeneratedDispatcherAndTakePrecedence() throws Exception {
    StringBuilder calls = new StringBuilder();
    EventDispatcher generated = new EventDispatcher() {
      @Override
      public EventRegistry registry() {
        return EventRegistry.of(CARD_CHARGED);
      }

      @Override
      public boolean dispatch(EventEnvelope<?> envelope, Delivery context) {
        calls.append("generated:").append(envelope.eventType());
        return true;
      }
    };
    EventConsumerConfig config = minimal().dispatcher(generated).build();

    assertThat(config.dispatcher().registry().contains("order.placed")).isTrue();
    assertThat(config.dispatcher().registry().contains("card.charged")).isTrue();
    assertThat(config.dispatcher().handles("card.charged")).isTrue();
    EventEnvelope<CardCharged> card = new EventEnvelope<>(
        farm.moonx.events.EventMetadata.builder().eventType("card.charged").build(), new CardCharged("c", "u", "n"));
    assertThat(config.dispatcher().dispatch(card, null)).isTrue();
    assertThat(calls).hasToString("generated:card.charged");

    assertThatThrownBy(() -> minimal().dispatcher(new EventDispatcher() {
      @Override
      public EventRegistry registry() {
        return EventRegistry.of(KafkaTestEvents.orderPlaced("elsewhere"));
      }

      @Override
      public boolean dispatch(EventEnvelope<?> envelope, Delivery context) {
        return false;
      }
    }).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("order.placed");
  }
}
