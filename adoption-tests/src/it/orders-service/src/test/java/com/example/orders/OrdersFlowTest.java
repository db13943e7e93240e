package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.events.OrderPlaced;
import com.example.orders.events.OrdersDispatcher;
import com.example.orders.events.OrdersPublisher;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.BootstrapServers;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EmbeddedKafkaTest
class OrdersFlowTest {

  @BootstrapServers static String bootstrapServers;

  @BeforeAll
  static void topics(KafkaCluster kafka) {
    kafka.createTopic("orders", 2);
  }

  @Test
  void runsOnTheJUnitOfThisProject() {
    String expected = System.getProperty("expected.junit.version");
    assertEquals(expected, Test.class.getPackage().getImplementationVersion());
  }

  @Test
  void publishedOrdersReachTheGeneratedHandler() throws Exception {
    Shipping shipping = new Shipping();
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
            EventPublisherConfig.builder("orders-service").bootstrapServers(bootstrapServers).build());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(EventConsumerConfig.builder("shipping")
            .bootstrapServers(bootstrapServers)
            .topics("orders")
            .dispatcher(new OrdersDispatcher(shipping))
            .build()).start()) {
      OrdersPublisher orders = new OrdersPublisher(publisher);
      orders.orderPlaced(new OrderPlaced("o-1", "c-1", 2)).get();
      orders.orderPlaced(new OrderPlaced("o-2", "c-2", 1)).get();

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (shipping.shipped().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(List.of("o-1", "o-2"), shipping.shipped().stream().sorted().toList());
      assertTrue(consumer.healthCheck().up(), "consumer healthy");
    }
  }
}
