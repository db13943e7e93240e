package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventPublisher;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.it.payments.PaymentRefunded;
import farm.moonx.events.it.payments.PaymentRefundedV1;
import farm.moonx.events.it.payments.PaymentsEvents;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.UnknownEventVersionException;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A migration in flight: a TypeScript service still writes {@code payment.refunded} 1.0, a Java
 * service still writes 1.3, an upgraded one writes 2.0, all on one topic. The consumer (built
 * against the events jar through {@code @EventConsumer}) receives every one as the newest
 * record; a major it does not know goes to the dead-letter topic saying which majors it reads.
 */
@EmbeddedKafkaTest
class VersionsOnOneTopicTest {
  static KafkaCluster kafka;

  @Test
  void everyVersionReachesTheHandlerAsTheNewestRecordAndAnUnknownMajorIsDeadLettered() throws Exception {
    String topic = Clients.uniqueTopic("versions");
    kafka.createTopic(topic, 1);
    kafka.createTopic(topic + ".dlq", 1);
    // As the TypeScript refunds service sends it: version "1" (read as 1.0), no headers.
    String fromTypeScript = "{\"metadata\":{\"eventId\":\"e-ts\",\"eventType\":\"payment.refunded\","
        + "\"eventVersion\":\"1\",\"correlationId\":\"c-ts\",\"timestamp\":1732700000000,\"source\":\"refunds-ts\"},"
        + "\"data\":{\"refundId\":\"r-ts\",\"accountId\":\"a-1\",\"cents\":1999}}";
    String fromTheFuture = fromTypeScript.replace("\"1\"", "\"3.0\"").replace("e-ts", "e-future");

    BlockingQueue<EventEnvelope<PaymentRefunded>> received = new LinkedBlockingQueue<>();
    BillingHandler handler = new BillingHandler.Adapter() {
      @Override
      public void onPaymentRefunded(EventEnvelope<PaymentRefunded> event, Delivery delivery) {
        received.add(event);
      }
    };
    try (KafkaProducer<String, String> typescript = Clients.rawProducer(kafka.bootstrapServers());
        KafkaEventPublisher publisher = KafkaEventPublisher.create(
            Clients.publisherConfig(kafka.bootstrapServers(), topic).build());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(
            kafka.bootstrapServers(), "billing-versions", topic).dispatcher(new BillingDispatcher(handler)).build())) {
      typescript.send(new ProducerRecord<>(topic, "a-1", fromTypeScript)).get(30, TimeUnit.SECONDS);
      // A Java service not yet upgraded writes 1.3 through the older version's descriptor.
      EventPublisher events = publisher;
      events.publish(PaymentsEvents.PAYMENT_REFUNDED_V1, new PaymentRefundedV1("r-java1", "a-1", 250),
          PublishOptions.none()).get(30, TimeUnit.SECONDS);
      new PaymentsPublisher(publisher).paymentRefunded(new PaymentRefunded("r-java2", "a-1", new BigDecimal("7.10"), "USD",
          Optional.of("damaged"))).get(30, TimeUnit.SECONDS);
      typescript.send(new ProducerRecord<>(topic, "a-1", fromTheFuture)).get(30, TimeUnit.SECONDS);
      consumer.start();

      List<EventEnvelope<PaymentRefunded>> handled = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        EventEnvelope<PaymentRefunded> next = received.poll(30, TimeUnit.SECONDS);
        assertThat(next).as("refund %s of 3 handled", i + 1).isNotNull();
        handled.add(next);
      }
      assertThat(handled).extracting(EventEnvelope::data).containsExactly(
          new PaymentRefunded("r-ts", "a-1", new BigDecimal("19.99"), "EUR", Optional.empty()),
          new PaymentRefunded("r-java1", "a-1", new BigDecimal("2.50"), "EUR", Optional.empty()),
          new PaymentRefunded("r-java2", "a-1", new BigDecimal("7.10"), "USD", Optional.of("damaged")));
      // The envelope still says which version came over the wire.
      assertThat(handled).extracting(e -> e.metadata().eventVersion()).containsExactly("1", "1.3", "2.0");
      await("the unknown major dead-lettered").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(200))
          .until(() -> !Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq").isEmpty());
    }
    List<ConsumerRecord<String, String>> dlq = Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq");
    assertThat(dlq).hasSize(1);
    assertThat(dlq.get(0).value()).isEqualTo(fromTheFuture);
    assertThat(header(dlq.get(0), EventHeaders.DLQ_ERROR_CLASS)).isEqualTo(UnknownEventVersionException.class.getName());
    assertThat(header(dlq.get(0), EventHeaders.DLQ_ERROR_MESSAGE)).isEqualTo("event \"payment.refunded\" has version"
        + " \"3.0\", whose major this service does not read; it reads majors 1, 2 (versions 1.3, 2.0)");
  }

  private static String header(ConsumerRecord<String, String> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
