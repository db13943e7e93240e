package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.CARD_CHARGED;
import static farm.moonx.events.kafka.KafkaTestEvents.ORDER_PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.OutgoingEvent;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.PublishResult;
import farm.moonx.events.internal.EventMetrics;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.JsonEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

  private KafkaEventPublisher publisher(EventPublisherConfig.Builder config) {
    return KafkaEventPublisher.create(config.bootstrapServers("unused:9092").meterRegistry(meters).build(),
        producer);
  }

  private static String text(Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  @Test
  void theSerializerIsPluggableLikeTheConsumers() {
    farm.moonx.events.spi.EventSerializer tagged = new farm.moonx.events.spi.EventSerializer() {
      @Override
      public <T> byte[] serialize(EventEnvelope<T> envelope, farm.moonx.events.EventDescriptor<T> descriptor) {
        byte[] json = JsonEventSerializer.shared().serialize(envelope, descriptor);
        byte[] out = new byte[json.length + 1];
        out[0] = '#';
        System.arraycopy(json, 0, out, 1, json.length);
        return out;
      }

      @Override
      public EventEnvelope<?> deserialize(byte[] body, EventRegistry registry) {
        return JsonEventSerializer.shared().deserialize(java.util.Arrays.copyOfRange(body, 1, body.length), registry);
      }

      @Override
      public farm.moonx.events.spi.RoutingInfo routing(byte[] body) {
        return JsonEventSerializer.shared().routing(java.util.Arrays.copyOfRange(body, 1, body.length));
      }
    };
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders").serializer(tagged));

    publisher.publish(ORDER_PLACED, new Order("o-1", "c-7", 1)).join();

    byte[] value = producer.history().get(0).value();
    assertThat(value[0]).isEqualTo((byte) '#');
    assertThat(tagged.deserialize(value, EventRegistry.of(ORDER_PLACED)).data()).isEqualTo(new Order("o-1", "c-7", 1));
  }

  @Test
  void publishSendsKeyJsonValueAndRoutingHeaders() {
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders"));

    PublishResult result = publisher.publish(ORDER_PLACED, new Order("o-1", "c-7", 1),
        PublishOptions.builder().correlationId("corr-1").causationId("cause-1").build()).join();

    assertThat(producer.history()).hasSize(1);
    ProducerRecord<String, byte[]> record = producer.history().get(0);
    assertThat(record.topic()).isEqualTo("orders");
    assertThat(record.key()).isEqualTo("c-7");
    EventEnvelope<?> sent = JsonEventSerializer.shared().deserialize(record.value(), EventRegistry.of(ORDER_PLACED));
    assertThat(sent.data()).isEqualTo(new Order("o-1", "c-7", 1));
    assertThat(sent.metadata().source()).isEqualTo("orders");
    assertThat(sent.metadata().correlationId()).isEqualTo("corr-1");
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{\"metadata\":{");
    assertThat(record.timestamp()).isEqualTo(sent.metadata().timestamp());

    Headers headers = record.headers();
    assertThat(text(headers, EventHeaders.EVENT_TYPE)).isEqualTo("order.placed");
    assertThat(text(headers, EventHeaders.EVENT_ID)).isEqualTo(sent.eventId()).isEqualTo(result.eventId());
    assertThat(text(headers, EventHeaders.EVENT_VERSION)).isEqualTo("1.0");
    assertThat(text(headers, EventHeaders.CORRELATION_ID)).isEqualTo("corr-1");
    assertThat(text(headers, EventHeaders.CAUSATION_ID)).isEqualTo("cause-1");
    assertThat(headers.lastHeader(EventHeaders.CE_SPECVERSION)).isNull();

    assertThat(result.topic()).isEqualTo("orders");
    assertThat(result.sent()).isTrue();
    assertThat(meters.get(EventMetrics.PUBLISHED).tag(EventMetrics.TAG_EVENT_TYPE, "order.placed").counter().count())
        .isEqualTo(1.0);
    assertThat(meters.get(EventMetrics.PUBLISH_LATENCY).timer().count()).isEqualTo(1);
  }

  @Test
  void mainTopicOverridesTheDescriptorsTopicAndCloudEventsHeadersAreOptIn() {
    KafkaEventPublisher publisher = publisher(
        EventPublisherConfig.builder("orders").mainTopic("moonx.events").cloudEventsHeaders(true));

    publisher.publish(ORDER_PLACED, new Order("o-1", "c-7", 1)).join();

    ProducerRecord<String, byte[]> record = producer.history().get(0);
    assertThat(record.topic()).isEqualTo("moonx.events");
    Headers h = record.headers();
    assertThat(text(h, EventHeaders.CE_SPECVERSION)).isEqualTo("1.0");
    assertThat(text(h, EventHeaders.CE_ID)).isEqualTo(text(h, EventHeaders.EVENT_ID));
    assertThat(text(h, EventHeaders.CE_SOURCE)).isEqualTo("orders");
    assertThat(text(h, EventHeaders.CE_TYPE)).isEqualTo("order.placed");
    assertThat(Instant.parse(text(h, EventHeaders.CE_TIME)).toEpochMilli()).isEqualTo(record.timestamp());
    assertThat(text(h, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
  }

  @Test
  void anInvalidEventIsRejectedWithItsErrorsAndNothingIsSent() {
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders"));

    CompletableFuture<PublishResult> future = publisher.publish(ORDER_PLACED, new Order("o-1", "c-7", -1));

    assertThatThrownBy(future::join).cause()
        .isInstanceOf(EventValidationException.class)
        .satisfies(e -> assertThat(((EventValidationException) e).errors())
            .containsExactly("data.sequence: must not be negative"));
    assertThat(producer.history()).isEmpty();
    assertThat(meters.get(EventMetrics.PUBLISH_FAILED).counter().count()).isEqualTo(1.0);
  }

  @Test
  void aBatchWithOneInvalidEventSendsNothingAndNamesEveryProblem() {
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders"));

    BatchPublishResult batch = publisher.publishBatch(List.of(
        OutgoingEvent.of(ORDER_PLACED, new Order("o-1", "c-1", 1)),
        OutgoingEvent.of(ORDER_PLACED, new Order("o-2", "c-1", -2)),
        OutgoingEvent.of(ORDER_PLACED, new Order("o-3", "c-1", -3))));

    assertThat(producer.history()).isEmpty();
    assertThat(batch.results()).hasSize(3).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
    assertThatThrownBy(batch.all()::join).cause()
        .isInstanceOf(EventValidationException.class)
        .satisfies(e -> assertThat(((EventValidationException) e).errors()).containsExactly(
            "events[1] order.placed: data.sequence: must not be negative",
            "events[2] order.placed: data.sequence: must not be negative"));
  }

  @Test
  void aValidBatchSendsEveryEventInOrder() {
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders"));

    BatchPublishResult batch = publisher.publishBatch(List.of(
        OutgoingEvent.of(ORDER_PLACED, new Order("o-1", "c-1", 1)),
        OutgoingEvent.of(CARD_CHARGED, new CardCharged("ch-1", "u-1", "4111111111111111"))));

    List<PublishResult> results = batch.all().join();
    assertThat(results).extracting(PublishResult::topic).containsExactly("orders", "payments");
    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("c-1", "u-1");
  }

  @Test
  void aFilteredOutEventCompletesAsNotSentAndSendsNothing() {
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders")
        .filter(e -> !((Order) e.data()).customerId().equals("test-customer")));

    PublishResult result = publisher.publish(ORDER_PLACED, new Order("o-1", "test-customer", 1)).join();

    assertThat(result.sent()).isFalse();
    assertThat(result.offset()).isEqualTo(-1);
    assertThat(result.eventId()).isNotBlank();
    assertThat(producer.history()).isEmpty();
    assertThat(meters.get(EventMetrics.SKIPPED).tag(EventMetrics.TAG_REASON, "filtered").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void transformersShapeTheEventButCannotChangeItsType() {
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders")
        .transformer(e -> e.withMetadata(e.metadata().toBuilder().tenantId("tenant-9").build())));
    publisher.publish(ORDER_PLACED, new Order("o-1", "c-1", 1)).join();
    EventEnvelope<?> sent = JsonEventSerializer.shared().deserialize(producer.history().get(0).value(),
        EventRegistry.of(ORDER_PLACED));
    assertThat(sent.metadata().tenantId()).isEqualTo("tenant-9");

    KafkaEventPublisher retyping = publisher(EventPublisherConfig.builder("orders").transformer(e -> e)
        .transformer(e -> e.withMetadata(e.metadata().toBuilder().eventType("card.charged").build())));
    assertThatThrownBy(() -> retyping.publish(ORDER_PLACED, new Order("o-2", "c-1", 1)).join()).cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("transformer 2 of 2 (a lambda in " + getClass().getName() + ") turned a \"order.placed\" event"
            + " into \"card.charged\"; transformers must keep the event type");
    KafkaEventPublisher nulling = publisher(EventPublisherConfig.builder("orders").transformer(new Nulling()));
    assertThatThrownBy(() -> nulling.publish(ORDER_PLACED, new Order("o-3", "c-1", 1)).join()).cause()
        .hasMessageStartingWith("transformer 1 of 1 (" + Nulling.class.getName() + ") turned a \"order.placed\" event into null");
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void aDeliveryFailureFailsTheFutureAndARefusedEventIsCopiedToTheDeadLetterTopic() {
    MockProducer<String, byte[]> manual =
        new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    KafkaEventPublisher publisher = KafkaEventPublisher.create(EventPublisherConfig.builder("orders")
        .bootstrapServers("unused:9092").deadLetterTopic("orders.dlq").build(), manual);

    CompletableFuture<PublishResult> future = publisher.publish(ORDER_PLACED, new Order("o-1", "c-1", 1));
    manual.errorNext(new RecordTooLargeException("too large"));

    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(RecordTooLargeException.class);
    org.awaitility.Awaitility.await().until(() -> manual.history().size() == 2);
    ProducerRecord<String, byte[]> copy = manual.history().get(1);
    assertThat(copy.topic()).isEqualTo("orders.dlq");
    assertThat(copy.key()).isEqualTo("c-1");
    assertThat(copy.value()).isEqualTo(manual.history().get(0).value());
    assertThat(text(copy.headers(), EventHeaders.DLQ_ERROR_CLASS)).isEqualTo(RecordTooLargeException.class.getName());
    assertThat(text(copy.headers(), EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo("orders");
    assertThat(text(copy.headers(), EventHeaders.EVENT_TYPE)).isEqualTo("order.placed");
  }

  @Test
  void publishesByNameThroughTheRegistryAndRejectsUnknownNamesAndWrongData() {
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders").registry(EventRegistry.of(ORDER_PLACED)));

    PublishResult result = publisher.publish("order.placed", new Order("o-1", "c-1", 1), PublishOptions.none()).join();
    assertThat(result.topic()).isEqualTo("orders");

    assertThatThrownBy(() -> publisher.publish("order.cancelled", new Order("o-1", "c-1", 1), PublishOptions.none()).join())
        .cause().isInstanceOf(farm.moonx.events.spi.UnknownEventTypeException.class);
    assertThatThrownBy(() -> publisher.publish("order.placed", "not an order", PublishOptions.none()).join())
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carries " + Order.class.getName() + ", not java.lang.String");
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void aClosedPublisherRejectsAndItsHealthSaysSo() {
    KafkaEventPublisher publisher = publisher(EventPublisherConfig.builder("orders"));
    assertThat(publisher.healthCheck().up()).isTrue();

    publisher.close();

    assertThat(producer.closed()).isTrue();
    assertThat(publisher.healthCheck().up()).isFalse();
    assertThatThrownBy(() -> publisher.publish(ORDER_PLACED, new Order("o-1", "c-1", 1)).join()).cause()
        .isInstanceOf(IllegalStateException.class).hasMessage("publisher is closed");
  }

  /** A transformer of a named class that breaks the rule: the message names the class. */
  static final class Nulling implements UnaryOperator<EventEnvelope<?>> {
    @Override
    public EventEnvelope<?> apply(EventEnvelope<?> envelope) {
      return null;
    }
  }
}
