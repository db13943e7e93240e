package farm.moonx.events.examples.boot;

import farm.moonx.events.examples.boot.shop.ShopPublisher;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafka;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The shop on Spring Boot. The starter creates the publisher and runs the consumer containers
 * of {@link BillingService} and {@link AuditService}; this class only adds the typed publisher of
 * the catalog. Without Kafka settings ({@code moonx.events.bootstrap-servers},
 * {@code spring.kafka.bootstrap-servers} or {@code KAFKA_BOOTSTRAP_SERVERS}) the demo starts an
 * embedded broker first.
 */
@SpringBootApplication
public class ShopApplication {

  /** The catalog's typed publisher: one line over the starter's publisher. */
  @Bean
  ShopPublisher shopPublisher(KafkaEventPublisher events) {
    return new ShopPublisher(events);
  }

  /** Runs the demo: sign-ups, then a report; exits non-zero if an event went missing. */
  public static void main(String[] args) {
    EmbeddedKafka broker = null;
    SpringApplication app = new SpringApplication(ShopApplication.class);
    if (!kafkaConfigured(args)) {
      broker = EmbeddedKafka.builder().build().start();
      broker.createTopic("shop.events", 3);
      app.setDefaultProperties(Map.of("moonx.events.bootstrap-servers", broker.bootstrapServers()));
    }
    int status;
    try (ConfigurableApplicationContext context = app.run(args)) {
      status = SpringApplication.exit(context, context.getBean(SignupDemo.class));
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
    System.exit(status);
  }

  private static boolean kafkaConfigured(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("--moonx.events.bootstrap-servers=") || arg.startsWith("--spring.kafka.bootstrap-servers=")) {
        return true;
      }
    }
    String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    return env != null && !env.isBlank();
  }
}
