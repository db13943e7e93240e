package farm.moonx.events.spring.boot;

import farm.moonx.events.EventRegistry;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.KafkaEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Wires moonx-events into a Spring Boot application: the {@link EventRegistry} of every catalog
 * on the class path, one {@link KafkaEventPublisher}, and a consumer container for every bean
 * that implements a generated {@code <Catalog>Handler} ({@link EventConsumerContainers}). Metrics
 * go to the context's {@link MeterRegistry} and spans to its {@code OpenTelemetry} when it has
 * them; with Spring Boot's health support
 * on the class path, a {@code moonxEvents} health contributor reports the publisher and each
 * container.
 *
 * <p>A typed publisher of a catalog is one line over the publisher bean:
 * {@code @Bean OrdersPublisher orders(KafkaEventPublisher events) { return new OrdersPublisher(events); }}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(KafkaEventPublisher.class)
@ConditionalOnBooleanProperty(name = "moonx.events.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MoonxEventsProperties.class)
public class MoonxEventsAutoConfiguration {

  /** The registry of every catalog on the class path (found through {@code ServiceLoader}). */
  @Bean
  @ConditionalOnMissingBean
  public EventRegistry eventRegistry(ResourceLoader resources) {
    return EventRegistry.load(resources.getClassLoader());
  }

  /** The publisher, closed (pending sends flushed) when the context closes. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public KafkaEventPublisher eventPublisher(MoonxEventsProperties properties, Environment environment,
      ResourceLoader resources, EventRegistry registry, ObjectProvider<MeterRegistry> meterRegistry,
      ObjectProvider<ContextTracing> tracing) {
    EventPublisherConfig.Builder config = EventPublisherConfig.builder(serviceName(properties, environment))
        .bootstrapServers(KafkaClientSettings.bootstrapServers(properties, environment))
        .registry(registry);
    KafkaClientSettings.common(properties, environment, resources).forEach(config::property);
    properties.getPublisher().getProperties().forEach(config::property);
    if (StringUtils.hasText(properties.getPublisher().getMainTopic())) {
      config.mainTopic(properties.getPublisher().getMainTopic());
    }
    meterRegistry.ifAvailable(config::meterRegistry);
    tracing.ifAvailable(t -> t.applyTo(config));
    return KafkaEventPublisher.create(config.build());
  }

  /** The consumer containers of the generated-handler beans, started and stopped with the context. */
  @Bean
  @ConditionalOnMissingBean
  public EventConsumerContainers eventConsumerContainers(ListableBeanFactory beans, MoonxEventsProperties properties,
      Environment environment, ResourceLoader resources, ObjectProvider<MeterRegistry> meterRegistry,
      ObjectProvider<ContextTracing> tracing) {
    String bootstrapServers = KafkaClientSettings.bootstrapServers(properties, environment);
    Map<String, Object> common = KafkaClientSettings.common(properties, environment, resources);
    Function<String, EventConsumerConfig.Builder> configs = groupId -> {
      EventConsumerConfig.Builder config = EventConsumerConfig.builder(groupId).bootstrapServers(bootstrapServers);
      common.forEach(config::property);
      tracing.ifAvailable(t -> t.applyTo(config));
      return config;
    };
    return new EventConsumerContainers(beans, properties, configs, meterRegistry.getIfAvailable());
  }

  private static String serviceName(MoonxEventsProperties properties, Environment environment) {
    if (StringUtils.hasText(properties.getServiceName())) {
      return properties.getServiceName();
    }
    String application = environment.getProperty("spring.application.name");
    if (StringUtils.hasText(application)) {
      return application;
    }
    throw new IllegalStateException("Set moonx.events.service-name or spring.application.name: "
        + "events carry it as metadata.source");
  }

  /** The context's OpenTelemetry for the clients, where OpenTelemetry is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.opentelemetry.api.OpenTelemetry")
  static class Tracing {

    @Bean
    ContextTracing moonxEventsContextTracing(ObjectProvider<io.opentelemetry.api.OpenTelemetry> openTelemetry) {
      return new ContextTracing(openTelemetry);
    }
  }

  /** The health contributor, where the application has Spring Boot's health support. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthContributor")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "moonxEventsHealthContributor")
    MoonxEventsHealthContributor moonxEventsHealthContributor(KafkaEventPublisher publisher,
        EventConsumerContainers containers) {
      return new MoonxEventsHealthContributor(publisher, containers);
    }
  }
}
