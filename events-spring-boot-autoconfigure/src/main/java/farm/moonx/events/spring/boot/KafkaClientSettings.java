package farm.moonx.events.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The kafka-clients properties every client of the application shares: the bootstrap servers
 * and the security settings, from {@code moonx.events.*} first and Spring Kafka's
 * {@code spring.kafka.*} names second. Spring Kafka need not be on the class path: its property
 * names are read from the environment.
 */
final class KafkaClientSettings {

  /** Spring Kafka's SSL property names (under spring.kafka.ssl) and the kafka-clients names they mean. */
  private static final Map<String, String> SPRING_KAFKA_SSL = Map.of(
      "key-password", "ssl.key.password",
      "key-store-password", "ssl.keystore.password",
      "key-store-type", "ssl.keystore.type",
      "trust-store-password", "ssl.truststore.password",
      "trust-store-type", "ssl.truststore.type",
      "protocol", "ssl.protocol");
  private static final Map<String, String> SPRING_KAFKA_SSL_LOCATIONS = Map.of(
      "key-store-location", "ssl.keystore.location",
      "trust-store-location", "ssl.truststore.location");

  private KafkaClientSettings() {}

  /** The bootstrap servers: moonx.events, then spring.kafka, then KAFKA_BOOTSTRAP_SERVERS. */
  static String bootstrapServers(MoonxEventsProperties properties, Environment environment) {
    if (!properties.getBootstrapServers().isEmpty()) {
      return String.join(",", properties.getBootstrapServers());
    }
    List<String> springKafka = Binder.get(environment)
        .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class)).orElse(List.of());
    if (!springKafka.isEmpty()) {
      return String.join(",", springKafka);
    }
    String fromEnv = environment.getProperty("KAFKA_BOOTSTRAP_SERVERS");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    throw new IllegalStateException("No Kafka bootstrap servers: set moonx.events.bootstrap-servers "
        + "(or spring.kafka.bootstrap-servers, or the environment variable KAFKA_BOOTSTRAP_SERVERS)");
  }

  /**
   * Spring Kafka's security settings translated to kafka-clients names, then
   * {@code spring.kafka.properties.*}, then {@code moonx.events.properties.*} (later wins).
   */
  static Map<String, Object> common(MoonxEventsProperties properties, Environment environment, ResourceLoader resources) {
    Binder binder = Binder.get(environment);
    Map<String, Object> common = new LinkedHashMap<>();
    binder.bind("spring.kafka.security.protocol", String.class)
        .ifBound(protocol -> common.put("security.protocol", protocol));
    Map<String, String> ssl = binder.bind("spring.kafka.ssl", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    ssl.forEach((key, value) -> {
      if ("bundle".equals(key)) {
        throw new IllegalStateException("spring.kafka.ssl.bundle is not supported by moonx-events; "
            + "set the key and trust stores with spring.kafka.ssl.* or moonx.events.properties.ssl.*");
      }
      String kafkaName = SPRING_KAFKA_SSL.get(key);
      if (kafkaName != null) {
        common.put(kafkaName, value);
      } else if (SPRING_KAFKA_SSL_LOCATIONS.containsKey(key)) {
        common.put(SPRING_KAFKA_SSL_LOCATIONS.get(key), filePath(resources.getResource(value), key));
      }
    });
    common.putAll(binder.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    common.putAll(properties.getProperties());
    return common;
  }

  /** kafka-clients reads key and trust stores from files: a classpath: or file: location must be one. */
  private static String filePath(Resource resource, String key) {
    try {
      return resource.getFile().getAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("spring.kafka.ssl." + key + " must name a file kafka-clients can read: " + resource, e);
    }
  }
}
