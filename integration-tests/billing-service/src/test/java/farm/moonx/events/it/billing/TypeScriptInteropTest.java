package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.PublishResult;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.it.payments.PaymentProcessed;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The JSON on the wire is the contract with the TypeScript services: what they write (plain
 * strings, no headers) is handled by the generated dispatcher, and what Java writes has exactly
 * their envelope's shape and field names.
 */
@EmbeddedKafkaTest
class TypeScriptInteropTest {
  /** The metadata fields of the TypeScript {@code EventMetadata} interface. */
  private static final List<String> TS_METADATA_FIELDS = List.of("eventId", "eventType", "eventVersion",
      "correlationId", "causationId", "timestamp", "source", "userId", "sessionId", "tenantId",
      "dataClassification", "partition", "context");
  /** The fields of the TypeScript {@code PaymentProcessedEventData} interface. */
  private static final List<String> TS_PAYMENT_FIELDS = List.of("paymentId", "userId", "amount", "currency", "processedAt");

  private static final ObjectMapper JSON = new ObjectMapper();

  static KafkaCluster kafka;

  @Test
  void envelopesWrittenByTypeScriptAreHandledByTheGeneratedDispatcher() throws Exception {
    String topic = Clients.uniqueTopic("from-ts");
    kafka.createTopic(topic, 1);
    String eventId = UUID.randomUUID().toString();
    String correlationId = UUID.randomUUID().toString();
    String causationId = UUID.randomUUID().toString();
    // As kafkajs sends it: JSON.stringify(envelope), key = the partition key, no headers.
    String full = "{\"metadata\":{\"eventId\":\"" + eventId + "\",\"eventType\":\"payment.processed\","
        + "\"eventVersion\":\"1.0\",\"correlationId\":\"" + correlationId + "\",\"causationId\":\"" + causationId
        + "\",\"timestamp\":1732700000000,\"source\":\"payments\",\"userId\":\"u-1\",\"sessionId\":\"s-1\","
        + "\"tenantId\":\"t-1\",\"dataClassification\":\"confidential\",\"partition\":\"u-1\","
        + "\"context\":{\"region\":\"eu\"}},"
        + "\"data\":{\"paymentId\":\"p-1\",\"userId\":\"u-1\",\"amount\":\"12.50\",\"currency\":\"USD\","
        + "\"processedAt\":1732700000000}}";
    // Only the required metadata, fields in another order, and fields this Java version does not know.
    String minimal = "{\"data\":{\"currency\":\"EUR\",\"processedAt\":1732700000001,\"amount\":\"0.99\","
        + "\"paymentId\":\"p-2\",\"userId\":\"u-2\",\"promoCode\":\"NEWYEAR\",\"items\":[1,2,{\"x\":null}]},"
        + "\"metadata\":{\"eventType\":\"payment.processed\",\"eventId\":\"e-2\",\"eventVersion\":\"1.1\","
        + "\"correlationId\":\"c-2\",\"timestamp\":1732700000001,\"source\":\"checkout-ts\",\"traceFlags\":1}}";

    BlockingQueue<EventEnvelope<PaymentProcessed>> received = new LinkedBlockingQueue<>();
    BillingHandler handler = new BillingHandler.Adapter() {
      @Override
      public void onPaymentProcessed(EventEnvelope<PaymentProcessed> event, Delivery context) {
        received.add(event);
      }
    };
    try (KafkaProducer<String, String> typescript = Clients.rawProducer(kafka.bootstrapServers());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(
            kafka.bootstrapServers(), "billing-from-ts", topic).dispatcher(new BillingDispatcher(handler)).build())) {
      typescript.send(new ProducerRecord<>(topic, "u-1", full)).get(30, TimeUnit.SECONDS);
      typescript.send(new ProducerRecord<>(topic, "u-2", minimal)).get(30, TimeUnit.SECONDS);
      consumer.start();

      EventEnvelope<PaymentProcessed> first = received.poll(30, TimeUnit.SECONDS);
      assertThat(first).as("the full TypeScript envelope was handled").isNotNull();
      assertThat(first.data()).isEqualTo(new PaymentProcessed(
          "p-1", "u-1", new BigDecimal("12.50"), "USD", Instant.ofEpochMilli(1732700000000L)));
      assertThat(first.metadata()).isEqualTo(EventMetadata.builder()
          .eventId(eventId).eventType("payment.processed").eventVersion("1.0").correlationId(correlationId)
          .causationId(causationId).timestamp(1732700000000L).source("payments").userId("u-1").sessionId("s-1")
          .tenantId("t-1").dataClassification(DataClassification.CONFIDENTIAL).partition("u-1")
          .context(Map.of("region", "eu")).build());

      EventEnvelope<PaymentProcessed> second = received.poll(30, TimeUnit.SECONDS);
      assertThat(second).as("the minimal envelope with unknown fields was handled").isNotNull();
      assertThat(second.data()).isEqualTo(new PaymentProcessed(
          "p-2", "u-2", new BigDecimal("0.99"), "EUR", Instant.ofEpochMilli(1732700000001L)));
      EventMetadata m = second.metadata();
      assertThat(m.eventId()).isEqualTo("e-2");
      assertThat(m.source()).isEqualTo("checkout-ts");
      assertThat(m.eventVersion()).isEqualTo("1.1");
      assertThat(m.causationId()).isNull();
      assertThat(m.userId()).isNull();
      assertThat(m.dataClassification()).isNull();
      assertThat(m.context()).isNull();
      assertThat(consumer.healthCheck().up()).isTrue();
    }
    assertThat(Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq")).as("nothing dead-lettered").isEmpty();
  }

  @Test
  void envelopesWrittenByJavaHaveTheTypeScriptShape() throws Exception {
    String topic = Clients.uniqueTopic("to-ts");
    kafka.createTopic(topic, 1);
    PaymentProcessed payment = new PaymentProcessed(
        "p-1", "u-1", new BigDecimal("12.50"), "USD", Instant.ofEpochMilli(1732700000000L));
    String causationId = UUID.randomUUID().toString();
    List<PublishResult> results = new ArrayList<>();
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), topic).build())) {
      PaymentsPublisher payments = new PaymentsPublisher(publisher);
      results.add(payments.paymentProcessed(payment, PublishOptions.builder().userId("u-1").sessionId("s-1").tenantId("t-1")
          .correlationId("c-1").causationId(causationId).context("region", "eu").build()).get(30, TimeUnit.SECONDS));
      results.add(payments.paymentProcessed(payment).get(30, TimeUnit.SECONDS));
    }
    List<ConsumerRecord<String, String>> records = Clients.readToEnd(kafka.bootstrapServers(), topic);
    assertThat(records).hasSize(2);

    // With every option set: every TypeScript metadata field, and nothing else.
    ConsumerRecord<String, String> full = records.get(0);
    JsonNode root = JSON.readTree(full.value());
    assertThat(fieldNames(root)).containsExactlyInAnyOrder("metadata", "data");
    JsonNode metadata = root.get("metadata");
    assertThat(fieldNames(metadata)).containsExactlyInAnyOrderElementsOf(TS_METADATA_FIELDS);
    assertThat(UUID.fromString(metadata.get("eventId").asText()).toString()).isEqualTo(results.get(0).eventId());
    assertThat(metadata.get("eventType").asText()).isEqualTo("payment.processed");
    assertThat(metadata.get("eventVersion").asText()).isEqualTo("1.0");
    assertThat(metadata.get("correlationId").asText()).isEqualTo("c-1");
    assertThat(metadata.get("causationId").asText()).isEqualTo(causationId);
    assertThat(metadata.get("timestamp").isIntegralNumber()).as("timestamp is epoch millis, a JSON number").isTrue();
    assertThat(metadata.get("timestamp").asLong())
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(120_000L));
    assertThat(metadata.get("source").asText()).isEqualTo("payments");
    assertThat(metadata.get("userId").asText()).isEqualTo("u-1");
    assertThat(metadata.get("sessionId").asText()).isEqualTo("s-1");
    assertThat(metadata.get("tenantId").asText()).isEqualTo("t-1");
    assertThat(metadata.get("dataClassification").asText()).isEqualTo("confidential");
    assertThat(metadata.get("partition").asText()).isEqualTo("u-1");
    assertThat(metadata.get("context")).isEqualTo(JSON.readTree("{\"region\":\"eu\"}"));
    assertPaymentData(root.get("data"));
    assertThat(full.key()).as("record key = partition key").isEqualTo("u-1");
    assertThat(header(full, "eventType")).isEqualTo("payment.processed");
    assertThat(header(full, "eventId")).isEqualTo(metadata.get("eventId").asText());
    assertThat(header(full, "correlationId")).isEqualTo("c-1");
    assertThat(header(full, "eventVersion")).isEqualTo("1.0");

    // Without options: optional fields are omitted, never null; required ones are filled in.
    JsonNode bare = JSON.readTree(records.get(1).value());
    assertThat(fieldNames(bare)).containsExactlyInAnyOrder("metadata", "data");
    JsonNode bareMetadata = bare.get("metadata");
    assertThat(TS_METADATA_FIELDS).containsAll(fieldNames(bareMetadata));
    assertThat(fieldNames(bareMetadata)).contains("eventId", "eventType", "eventVersion", "correlationId",
        "timestamp", "source", "dataClassification", "partition");
    assertThat(fieldNames(bareMetadata)).doesNotContain("causationId", "sessionId", "tenantId", "context");
    assertNoNulls(bare);
    assertThat(UUID.fromString(bareMetadata.get("correlationId").asText())).isNotNull();
    assertPaymentData(bare.get("data"));
  }

  @Test
  void theServiceLoaderFindsTheCatalogsOfBothModules() {
    EventRegistry all = EventRegistry.load();
    assertThat(all.descriptors()).extracting(d -> d.name()).containsExactlyInAnyOrder(
        "payment.processed", "payment.refunded", "payment.requested", "account.statement", "invoice.issued");
    assertThat(new BillingDispatcher(new BillingHandler.Adapter() {}).registry().descriptors())
        .extracting(d -> d.name())
        .containsExactlyInAnyOrder("payment.processed", "payment.refunded", "payment.requested", "account.statement", "invoice.issued");
  }

  private static void assertPaymentData(JsonNode data) {
    assertThat(fieldNames(data)).containsExactlyInAnyOrderElementsOf(TS_PAYMENT_FIELDS);
    assertThat(data.get("paymentId").asText()).isEqualTo("p-1");
    assertThat(data.get("userId").asText()).isEqualTo("u-1");
    assertThat(data.get("amount").isTextual()).as("amount is a decimal string").isTrue();
    assertThat(data.get("amount").asText()).isEqualTo("12.50");
    assertThat(data.get("currency").asText()).isEqualTo("USD");
    assertThat(data.get("processedAt").isIntegralNumber()).as("processedAt is epoch millis").isTrue();
    assertThat(data.get("processedAt").asLong()).isEqualTo(1732700000000L);
  }

  private static void assertNoNulls(JsonNode node) {
    assertThat(node.isNull()).as("no null in %s", node).isFalse();
    node.forEach(TypeScriptInteropTest::assertNoNulls);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static String header(ConsumerRecord<String, String> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
