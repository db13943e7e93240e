package farm.moonx.events.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.spi.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The beans and settings, without a broker: clients connect lazily (they only resolve the
 * bootstrap host names when built, so these are local names).
 */
class MoonxEventsAutoConfigurationTest {

  /** A dispatcher of no events: enough to build a consumer config. */
  private static final EventDispatcher NO_EVENTS = new EventDispatcher() {
    @Override
    public EventRegistry registry() {
      return EventRegistry.of();
    }

    @Override
    public boolean dispatch(EventEnvelope<?> envelope, Delivery delivery) {
      return false;
    }
  };

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MoonxEventsAutoConfiguration.class))
      .withPropertyValues("spring.application.name=orders");

  @Test
  void ownSettingsWinAndAnyKafkaPropertyPassesThrough() {
    runner.withPropertyValues(
            "moonx.events.bootstrap-servers=127.0.0.1:9092",
            "spring.kafka.bootstrap-servers=localhost:9094",
            "moonx.events.properties.request.timeout.ms=1234",
            "moonx.events.publisher.properties.linger.ms=7")
        .run(context -> {
          Map<String, Object> producer = context.getBean(KafkaEventPublisher.class).config().producerProperties();
          assertThat(producer).containsEntry("bootstrap.servers", "127.0.0.1:9092")
              .containsEntry("request.timeout.ms", "1234")
              .containsEntry("linger.ms", "7");
          assertThat(context.getBean(KafkaEventPublisher.class).config().serviceName()).isEqualTo("orders");
        });
  }

  @Test
  void fallsBackToSpringKafkaConnectionAndSecuritySettings() {
    runner.withPropertyValues(
            "spring.kafka.bootstrap-servers=localhost:9093,127.0.0.1:9093",
            "spring.kafka.security.protocol=SSL",
            "spring.kafka.ssl.protocol=TLSv1.3",
            "spring.kafka.ssl.trust-store-type=PKCS12",
            "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512")
        .run(context -> {
          Map<String, Object> producer = context.getBean(KafkaEventPublisher.class).config().producerProperties();
          assertThat(producer).containsEntry("bootstrap.servers", "localhost:9093,127.0.0.1:9093")
              .containsEntry("security.protocol", "SSL")
              .containsEntry("ssl.protocol", "TLSv1.3")
              .containsEntry("ssl.truststore.type", "PKCS12")
              .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        });
  }

  @Test
  void usesTheContextsMeterRegistryAndLoadsTheRegistry() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    runner.withPropertyValues("moonx.events.bootstrap-servers=localhost:9092")
        .withBean(MeterRegistry.class, () -> meters)
        .run(context -> {
          assertThat(context.getBean(KafkaEventPublisher.class).config().meterRegistry()).isSameAs(meters);
          assertThat(context).hasSingleBean(EventRegistry.class).hasSingleBean(EventConsumerContainers.class)
              .hasSingleBean(MoonxEventsHealthContributor.class);
        });
  }

  @Test
  void usesTheContextsOpenTelemetryForPublisherAndContainers() {
    OpenTelemetry openTelemetry = OpenTelemetry.noop();
    runner.withPropertyValues("moonx.events.bootstrap-servers=localhost:9092")
        .withBean(OpenTelemetry.class, () -> openTelemetry)
        .run(context -> {
          assertThat(context.getBean(KafkaEventPublisher.class).config().openTelemetry()).isSameAs(openTelemetry);
          ContextTracing tracing = context.getBean(ContextTracing.class);
          EventConsumerConfig.Builder consumer = EventConsumerConfig.builder("g").bootstrapServers("localhost:9092")
              .topics("t").dispatcher(NO_EVENTS);
          tracing.applyTo(consumer);
          assertThat(consumer.build().openTelemetry()).isSameAs(openTelemetry);
        });
    runner.withPropertyValues("moonx.events.bootstrap-servers=localhost:9092")
        .run(context -> assertThat(context.getBean(KafkaEventPublisher.class).config().openTelemetry()).isNull());
  }

  @Test
  void withoutBootstrapServersTheContextFailsWithTheSettingToSet() {
    runner.run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().hasMessageContaining("moonx.events.bootstrap-servers"));
  }

  @Test
  void canBeSwitchedOff() {
    runner.withPropertyValues("moonx.events.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(KafkaEventPublisher.class));
  }
}
