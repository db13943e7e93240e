package farm.moonx.events.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.examples.boot.shop.ShopPublisher;
import farm.moonx.events.examples.boot.shop.UserRegistered;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.spring.boot.EventConsumerContainers;
import farm.moonx.events.testkit.EmbeddedKafka;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop as a Boot user runs it: the starter's beans and containers against the embedded
 * broker ({@code @EmbeddedKafkaTest} starts it, {@code @DynamicPropertySource} points the
 * application at it).
 */
@EmbeddedKafkaTest
@SpringBootTest(properties = {
    "moonx.events.consumers.billingService.properties.max.poll.records=50",
    // While the broker is stopped on purpose, every client warns on each reconnect attempt.
    "logging.level.org.apache.kafka.clients.NetworkClient=error"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopApplicationTest {

  static KafkaCluster kafka;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    registry.add("moonx.events.bootstrap-servers", () -> kafka.bootstrapServers());
  }

  @BeforeAll
  static void topics() {
    kafka.createTopic("shop.events", 3);
  }

  @Autowired ShopPublisher events;
  @Autowired AuditService audit;
  @Autowired EventConsumerContainers containers;
  @Autowired HealthEndpoint health;
  @Autowired MeterRegistry meters;

  /**
   * Spring Boot's dependency management decides the Kafka version for a Boot user (its
   * {@code kafka.version}, 4.1.2 for Boot 4.0.7, passed in by the pom): clients and the embedded
   * broker's server jars resolve to that one release, with no exclusion in the pom.
   */
  @Test
  @Order(0)
  void clientsAndEmbeddedBrokerComeFromBootsKafkaRelease() throws IOException {
    String bootsKafka = System.getProperty("expected.kafka.version");
    assertThat(bootsKafka).isNotBlank();
    Map<String, String> kafkaJars = kafkaJarVersions();
    assertThat(kafkaJars).containsKeys("kafka-clients", "kafka_2.13", "kafka-server", "kafka-raft");
    assertThat(kafkaJars).allSatisfy((artifact, version) -> assertThat(version).as(artifact).isEqualTo(bootsKafka));
  }

  /** Every org.apache.kafka jar on the test class path, by artifact id, with its version (from the repository path). */
  private static Map<String, String> kafkaJarVersions() throws IOException {
    Map<String, String> versions = new TreeMap<>();
    Pattern kafkaJar = Pattern.compile("/org/apache/kafka/([^/]+)/([^/]+)/[^/]+\\.jar!");
    Enumeration<URL> manifests = ShopApplicationTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
    while (manifests.hasMoreElements()) {
      Matcher jar = kafkaJar.matcher(manifests.nextElement().toString());
      if (jar.find()) {
        versions.put(jar.group(1), jar.group(2));
      }
    }
    return versions;
  }

  @Test
  @Order(1)
  void everyHandlerBeanGetsARunningContainerConfiguredFromProperties() {
    assertThat(containers.containers()).containsOnlyKeys("auditService", "billingService");
    KafkaEventConsumer audit = containers.containers().get("auditService");
    KafkaEventConsumer billing = containers.containers().get("billingService");
    assertThat(audit.config().groupId()).isEqualTo("shop-audit");
    assertThat(billing.config().groupId()).isEqualTo("billingService");
    assertThat(billing.config().topics()).containsExactly("shop.events");
    assertThat(billing.config().concurrency()).isEqualTo(2);
    assertThat(billing.config().retryPolicy().maxAttempts()).isEqualTo(3);
    assertThat(billing.config().consumerProperties()).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
  }

  @Test
  @Order(2)
  void signUpsAreBilledAndAuditedThroughTheStarter() throws Exception {
    List<UserRegistered> signups = List.of(
        new UserRegistered("u-1", "a@example.com", "pro"), new UserRegistered("u-2", "b@example.com", "basic"));
    events.publishAll(signups).all().get(30, TimeUnit.SECONDS);

    // Other test classes publish to the same topic: look for these two users.
    await().atMost(Duration.ofSeconds(60)).until(() -> audit.saw("user.registered", "u-1") && audit.saw("user.registered", "u-2")
        && audit.saw("payment.processed", "u-1") && audit.saw("payment.processed", "u-2"));
    // The library's metrics went to the context's registry.
    assertThat(meters.getMeters()).anyMatch(meter -> meter.getId().getName().startsWith("moonx.events"));
  }

  @Test
  @Order(3)
  void healthIsUpThenDownWhenTheBrokerStops() {
    assertThat(health.healthForPath("moonxEvents").getStatus()).isEqualTo(Status.UP);
    assertThat(health.healthForPath("moonxEvents", "auditService").getStatus()).isEqualTo(Status.UP);

    EmbeddedKafka broker = (EmbeddedKafka) kafka;
    broker.stop();
    try {
      await().atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.DOWN));
      assertThat(health.healthForPath("moonxEvents", "publisher").getStatus()).isEqualTo(Status.DOWN);
    } finally {
      // Back on the same ports, so the context closes cleanly (final commits) after this class.
      broker.start();
    }
    await().atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(health.healthForPath("moonxEvents").getStatus()).isEqualTo(Status.UP));
  }
}
