package farm.moonx.events.spring.boot;

import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code moonxEvents} health contributor: {@code publisher} (the cluster answers within the
 * publisher's health timeout) and one entry per consumer container, named after its handler bean
 * (every poll thread alive and polling). Containers are listed as they run, so the entries follow
 * the application's lifecycle.
 */
public final class MoonxEventsHealthContributor implements CompositeHealthContributor {

  private static final String PUBLISHER = "publisher";

  private final KafkaEventPublisher publisher;
  private final EventConsumerContainers containers;

  MoonxEventsHealthContributor(KafkaEventPublisher publisher, EventConsumerContainers containers) {
    this.publisher = publisher;
    this.containers = containers;
  }

  @Override
  public HealthContributor getContributor(String name) {
    if (PUBLISHER.equals(name)) {
      return indicator(publisher::healthCheck);
    }
    KafkaEventConsumer consumer = containers.containers().get(name);
    return consumer == null ? null : indicator(consumer::healthCheck);
  }

  @Override
  public Stream<Entry> stream() {
    Stream<Entry> publisherEntry = Stream.of(new Entry(PUBLISHER, indicator(publisher::healthCheck)));
    Stream<Entry> consumerEntries = containers.containers().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new Entry(e.getKey(), indicator(e.getValue()::healthCheck)));
    return Stream.concat(publisherEntry, consumerEntries);
  }

  private static HealthIndicator indicator(Supplier<farm.moonx.events.kafka.Health> check) {
    return () -> {
      farm.moonx.events.kafka.Health health = check.get();
      return (health.up() ? Health.up() : Health.down()).withDetails(health.details()).build();
    };
  }
}
