package farm.moonx.events.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.examples.boot.shop.ShopPublisher;
import farm.moonx.events.examples.boot.shop.UserRegistered;
import farm.moonx.events.spring.boot.EventConsumerContainers;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closing the application context stops the containers gracefully: every record handled before
 * the close has its offset committed, so a restart redelivers nothing.
 */
@EmbeddedKafkaTest
class GracefulShutdownTest {

  private static final String TOPIC = "shop.events";
  private static final String AUDIT_GROUP = "graceful-audit";

  @Test
  void closingTheContextCommitsWhatWasHandled(KafkaCluster kafka) throws Exception {
    kafka.createTopic(TOPIC, 3);
    List<UserRegistered> signups = IntStream.rangeClosed(1, 20)
        .mapToObj(i -> new UserRegistered("graceful-" + i, "g" + i + "@example.com", "basic")).toList();

    ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class).run(
        "--moonx.events.bootstrap-servers=" + kafka.bootstrapServers(),
        "--moonx.events.consumers.auditService.group-id=" + AUDIT_GROUP,
        "--moonx.events.consumers.billingService.group-id=graceful-billing",
        "--spring.jmx.enabled=false");
    EventConsumerContainers containers = context.getBean(EventConsumerContainers.class);
    try {
      context.getBean(ShopPublisher.class).publishAll(signups).all().get(30, TimeUnit.SECONDS);
      AuditService audit = context.getBean(AuditService.class);
      // Billing has answered each of ours, and audit has seen every record on the topic (other test
      // classes publish there too; every record is a distinct event): nothing is in flight.
      await().atMost(Duration.ofSeconds(60)).until(() -> audit.count("payment.processed") >= signups.size()
          && audit.count("user.registered") + audit.count("payment.processed") == recordsOnTopic(kafka));
      assertThat(containers.isRunning()).isTrue();
    } finally {
      context.close();
    }

    assertThat(containers.isRunning()).isFalse();
    assertThat(containers.containers()).isEmpty();
    // Everything on the topic when the context closed was handled (audit reads it all) and committed.
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(AUDIT_GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, Long> end = endOffsets(kafka);
      end.forEach((partition, offset) -> assertThat(committed.get(partition))
          .as("committed offset of %s", partition).isNotNull()
          .extracting(OffsetAndMetadata::offset).isEqualTo(offset));
    }
  }

  private static long recordsOnTopic(KafkaCluster kafka) throws Exception {
    return endOffsets(kafka).values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<TopicPartition, Long> endOffsets(KafkaCluster kafka) throws Exception {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      Map<TopicPartition, OffsetSpec> latest = Map.of(
          new TopicPartition(TOPIC, 0), OffsetSpec.latest(),
          new TopicPartition(TOPIC, 1), OffsetSpec.latest(),
          new TopicPartition(TOPIC, 2), OffsetSpec.latest());
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
          admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
      return offsets.entrySet().stream()
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
  }
}
