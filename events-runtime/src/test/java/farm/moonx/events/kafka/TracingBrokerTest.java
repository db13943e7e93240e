package farm.moonx.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.JacksonDatabindCodec;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's chain sign-up -> payment -> order across three consumers on a real broker is one
 * trace: producer and consumer spans per the messaging conventions, parents linked hop by hop,
 * error status and a retry event on a failed attempt, a dead-letter event when given up; and a
 * TypeScript service's plain {@code traceparent} header is continued.
 */
@EmbeddedKafkaTest
class TracingBrokerTest {
  /** Sign-up. */
  public record SignedUp(String userId) {}

  /** Payment. */
  public record Paid(String userId) {}

  /** Order. */
  public record Ordered(String userId) {}

  static final EventDescriptor<SignedUp> SIGNED_UP = EventDescriptor.builder("user.registered", SignedUp.class,
      JacksonDatabindCodec.of(SignedUp.class)).topic("tr-signups").partitionKey(SignedUp::userId).build();
  static final EventDescriptor<Paid> PAID = EventDescriptor.builder("payment.processed", Paid.class,
      JacksonDatabindCodec.of(Paid.class)).topic("tr-payments").partitionKey(Paid::userId).build();
  static final EventDescriptor<Ordered> ORDERED = EventDescriptor.builder("order.completed", Ordered.class,
      JacksonDatabindCodec.of(Ordered.class)).topic("tr-orders").partitionKey(Ordered::userId).build();

  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
  private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
  private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("moonx.event.type");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");

  KafkaCluster kafka;
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();

  @AfterEach
  void close() {
    otel.close();
  }

  private KafkaEventPublisher publisher(String service) {
    return KafkaEventPublisher.create(EventPublisherConfig.builder(service)
        .bootstrapServers(kafka.bootstrapServers()).openTelemetry(otel).build());
  }

  private <T> KafkaEventConsumer consumer(String group, EventDescriptor<T> descriptor,
      farm.moonx.events.EventHandler<T> handler) {
    return KafkaEventConsumer.create(EventConsumerConfig.builder(group).bootstrapServers(kafka.bootstrapServers())
        .topics(descriptor.topic()).pollTimeout(Duration.ofMillis(100)).openTelemetry(otel)
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(10)).build())
        .handler(descriptor, handler).build()).start();
  }

  @Test
  void theSignUpPaymentOrderChainIsOneTraceAndAKafkajsTraceparentJoins() throws Exception {
    for (String topic : List.of("tr-signups", "tr-payments", "tr-orders")) {
      kafka.createTopic(topic, 1);
      kafka.createTopic(topic + ".dlq", 1);
    }
    AtomicInteger paymentAttempts = new AtomicInteger();
    Map<String, String> auditTraceIds = new ConcurrentHashMap<>();
    try (KafkaEventPublisher accounts = publisher("accounts");
        KafkaEventPublisher billingOut = publisher("billing");
        KafkaEventPublisher ordersOut = publisher("orders");
        KafkaEventConsumer billing = consumer("billing", SIGNED_UP, (event, delivery) -> {
          if (event.data().userId().equals("poison")) {
            throw new IllegalStateException("cannot bill");
          }
          billingOut.publish(PAID, new Paid(event.data().userId())).get(30, TimeUnit.SECONDS);
        });
        KafkaEventConsumer orders = consumer("orders", PAID, (event, delivery) -> {
          if (paymentAttempts.incrementAndGet() == 1) {
            throw new IllegalStateException("stock service down"); // retried once, then fine
          }
          ordersOut.publish(ORDERED, new Ordered(event.data().userId())).get(30, TimeUnit.SECONDS);
        });
        KafkaEventConsumer audit = consumer("audit", ORDERED, (event, delivery) ->
            auditTraceIds.put(event.data().userId(), Span.current().getSpanContext().getTraceId()))) {
      String signUpId = accounts.publish(SIGNED_UP, new SignedUp("u-1")).get(30, TimeUnit.SECONDS).eventId();
      await().atMost(60, TimeUnit.SECONDS).until(() -> auditTraceIds.containsKey("u-1"));

      // a TypeScript service (kafkajs) sends plain string headers
      String tsTrace = "0af7651916cd43dd8448eb211c80319c";
      String tsParent = "b7ad6b7169203331";
      try (KafkaProducer<byte[], byte[]> kafkajs = new KafkaProducer<>(kafka.clientConfig(),
          new ByteArraySerializer(), new ByteArraySerializer())) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("tr-orders", utf8("u-ts"), utf8(
            "{\"metadata\":{\"eventId\":\"ts-1\",\"eventType\":\"order.completed\",\"eventVersion\":\"1.0\","
                + "\"correlationId\":\"c-ts\",\"timestamp\":" + System.currentTimeMillis() + ",\"source\":\"ts-orders\"},"
                + "\"data\":{\"userId\":\"u-ts\"}}"));
        record.headers().add("traceparent", utf8("00-" + tsTrace + "-" + tsParent + "-01"));
        record.headers().add(EventHeaders.EVENT_TYPE, utf8("order.completed"));
        kafkajs.send(record).get(30, TimeUnit.SECONDS);
      }
      await().atMost(60, TimeUnit.SECONDS).until(() -> auditTraceIds.containsKey("u-ts"));

      accounts.publish(SIGNED_UP, new SignedUp("poison")).get(30, TimeUnit.SECONDS);
      await().atMost(60, TimeUnit.SECONDS).until(() -> spans.getFinishedSpanItems().stream()
          .anyMatch(s -> s.getEvents().stream().anyMatch(e -> e.getName().equals("moonx.dead_letter"))));

      List<SpanData> chain = spans.getFinishedSpanItems().stream()
          .filter(s -> s.getTraceId().equals(auditTraceIds.get("u-1"))).toList();
      SpanData sendSignUp = only(chain, "send tr-signups", SpanKind.PRODUCER);
      SpanData processSignUp = only(chain, "process tr-signups", SpanKind.CONSUMER);
      SpanData sendPayment = only(chain, "send tr-payments", SpanKind.PRODUCER);
      List<SpanData> processPayment = all(chain, "process tr-payments", SpanKind.CONSUMER);
      SpanData sendOrder = only(chain, "send tr-orders", SpanKind.PRODUCER);
      SpanData processOrder = only(chain, "process tr-orders", SpanKind.CONSUMER);
      assertThat(chain).hasSize(7);

      assertThat(sendSignUp.getParentSpanContext().isValid()).isFalse(); // the chain's root
      assertThat(processSignUp.getParentSpanId()).isEqualTo(sendSignUp.getSpanId());
      assertThat(sendPayment.getParentSpanId()).isEqualTo(processSignUp.getSpanId());
      assertThat(processPayment).hasSize(2)
          .allSatisfy(p -> assertThat(p.getParentSpanId()).isEqualTo(sendPayment.getSpanId()));
      SpanData failedAttempt = processPayment.stream().filter(p -> p.getStatus().getStatusCode() == StatusCode.ERROR)
          .findFirst().orElseThrow();
      SpanData goodAttempt = processPayment.stream().filter(p -> p != failedAttempt).findFirst().orElseThrow();
      assertThat(failedAttempt.getStatus().getDescription()).isEqualTo(IllegalStateException.class.getName());
      assertThat(failedAttempt.getEvents()).extracting(EventData::getName).containsExactly("moonx.retry");
      assertThat(goodAttempt.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      assertThat(sendOrder.getParentSpanId()).isEqualTo(goodAttempt.getSpanId());
      assertThat(processOrder.getParentSpanId()).isEqualTo(sendOrder.getSpanId());

      assertThat(sendSignUp.getAttributes().asMap()).containsEntry(SYSTEM, "kafka").containsEntry(OPERATION, "send")
          .containsEntry(DESTINATION, "tr-signups").containsEntry(PARTITION, "0").containsEntry(OFFSET, 0L)
          .containsEntry(MESSAGE_ID, signUpId).containsEntry(EVENT_TYPE, "user.registered");
      assertThat(processSignUp.getAttributes().asMap()).containsEntry(SYSTEM, "kafka").containsEntry(OPERATION, "process")
          .containsEntry(DESTINATION, "tr-signups").containsEntry(PARTITION, "0").containsEntry(OFFSET, 0L)
          .containsEntry(GROUP, "billing").containsEntry(MESSAGE_ID, signUpId).containsEntry(EVENT_TYPE, "user.registered");
      assertThat(processOrder.getAttributes().asMap()).containsEntry(GROUP, "audit").containsEntry(EVENT_TYPE, "order.completed");

      // the kafkajs record's trace is continued
      assertThat(auditTraceIds.get("u-ts")).isEqualTo(tsTrace);
      SpanData tsProcess = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(tsTrace))
          .findFirst().orElseThrow();
      assertThat(tsProcess.getParentSpanId()).isEqualTo(tsParent);
      assertThat(tsProcess.getAttributes().asMap()).containsEntry(MESSAGE_ID, "ts-1");

      // the poison sign-up: a retry, then dead-lettered, both attempts with error status
      List<SpanData> poison = spans.getFinishedSpanItems().stream()
          .filter(s -> s.getName().equals("process tr-signups") && !s.getTraceId().equals(auditTraceIds.get("u-1")))
          .toList();
      assertThat(poison).hasSize(2).allSatisfy(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
      assertThat(poison).flatExtracting(SpanData::getEvents).extracting(EventData::getName)
          .containsExactlyInAnyOrder("moonx.retry", "moonx.dead_letter");
    }
  }

  private static SpanData only(List<SpanData> spans, String name, SpanKind kind) {
    List<SpanData> found = all(spans, name, kind);
    assertThat(found).as(name).hasSize(1);
    return found.get(0);
  }

  private static List<SpanData> all(List<SpanData> spans, String name, SpanKind kind) {
    return spans.stream().filter(s -> s.getName().equals(name) && s.getKind() == kind).toList();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
