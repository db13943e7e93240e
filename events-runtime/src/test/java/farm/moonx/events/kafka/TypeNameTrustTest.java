package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.ORDER_PLACED;
import static farm.moonx.events.kafka.TestRecords.text;
import static farm.moonx.events.kafka.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.kafka.EventConsumerConfig.UnknownTypePolicy;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.spi.UnknownEventTypeException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The Java type of an incoming event is chosen only by looking its name up in the registry,
 * never from a class name in a header or the body (the type-header trust problem of other
 * Kafka libraries). Every field and header of these records names a class.
 */
class TypeNameTrustTest {
  private static final String GADGET = "farm.moonx.events.kafka.Gadget";
  private static final TopicPartition P0 = new TopicPartition("orders", 0);

  private static Headers hostileHeaders(String eventType) {
    RecordHeaders headers = new RecordHeaders();
    if (eventType != null) {
      headers.add(EventHeaders.EVENT_TYPE, utf8(eventType));
    }
    for (String key : List.of("__TypeId__", "__KeyTypeId__", "__ContentTypeId__", "spring.json.value.default.type",
        "@class", "ce_type", "eventVersion", "eventId")) {
      headers.add(key, utf8(key.equals("__TypeId__") ? "java.net.URL" : GADGET));
    }
    return headers;
  }

  private static String body(String eventType, String data) {
    return "{\"@class\":\"java.lang.ProcessBuilder\",\"metadata\":{\"eventType\":\"" + eventType + "\","
        + "\"eventId\":\"java.net.URL\",\"eventVersion\":\"1.0\",\"correlationId\":\"" + GADGET + "\","
        + "\"timestamp\":1732700000000,\"source\":\"java.lang.Runtime\",\"@class\":\"" + GADGET + "\","
        + "\"__TypeId__\":\"" + GADGET + "\",\"context\":{\"@type\":\"" + GADGET + "\"}},\"data\":" + data + "}";
  }

  private static final String GADGET_DATA = "{\"@class\":\"" + GADGET + "\",\"__TypeId__\":\"java.net.URL\","
      + "\"@type\":\"" + GADGET + "\",\"command\":\"touch /tmp/pwned\"}";

  @Test
  void classNamesInHeadersAndBodiesNeverChooseATypeAndNothingOutsideTheRegistryIsInstantiated() {
    List<ConsumerRecord<byte[], byte[]>> records = List.of(
        // a class name as the event type, in the header and in the body
        raw(0, hostileHeaders("java.lang.ProcessBuilder"), body(GADGET, GADGET_DATA)),
        // no type header: routing falls back to metadata.eventType, which names a class
        raw(1, hostileHeaders(null), body(GADGET, GADGET_DATA)),
        // a registered type in the header, a class name in the body
        raw(2, hostileHeaders("order.placed"), body(GADGET, GADGET_DATA)),
        // a registered type everywhere, with type hints inside data: read as an Order, hints ignored
        raw(3, hostileHeaders("order.placed"), body("order.placed",
            "{\"@class\":\"" + GADGET + "\",\"__TypeId__\":\"java.net.URL\",\"orderId\":\"o-1\","
                + "\"customerId\":\"c-1\",\"sequence\":1,\"command\":{\"@class\":\"" + GADGET + "\"}}")),
        // header and body name two different registered types: the body is not trusted to switch
        raw(4, hostileHeaders("order.placed"), body("card.charged",
            "{\"chargeId\":\"ch-1\",\"userId\":\"u-1\",\"cardNumber\":\"4111\"}")));
    ReplayingConsumer consumer = new ReplayingConsumer().assignOnFirstPoll(List.of(P0), records);
    MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    List<Object> received = new CopyOnWriteArrayList<>();
    EventConsumerConfig config = EventConsumerConfig.builder("security").bootstrapServers("unused:9092").topics("orders")
        .unknownTypePolicy(UnknownTypePolicy.DEAD_LETTER)
        .handler(ORDER_PLACED, (event, delivery) -> received.add(event.data()))
        .handler(KafkaTestEvents.CARD_CHARGED, (event, delivery) -> received.add(event.data()))
        .build();

    try (KafkaEventConsumer container = KafkaEventConsumer.create(config, () -> consumer, dlq, Clock.systemUTC()).start()) {
      await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 5);
      assertThat(container.healthCheck().up()).isTrue(); // hostile input did not kill the consumer thread
    }

    assertThat(received).containsExactly(new Order("o-1", "c-1", 1));
    assertThat(dlq.history()).extracting(r -> text(r.headers(), EventHeaders.DLQ_ERROR_CLASS)).containsExactly(
        UnknownEventTypeException.class.getName(),
        UnknownEventTypeException.class.getName(),
        UnknownEventTypeException.class.getName(),
        MalformedEventException.class.getName());
    assertThat(text(dlq.history().get(3).headers(), EventHeaders.DLQ_ERROR_MESSAGE))
        .contains("does not match metadata.eventType \"card.charged\"");
    // a compile-time constant: reading it does not initialise Gadget
    assertThat(System.getProperty(Gadget.INITIALIZED_PROPERTY)).isNull();
  }

  private static ConsumerRecord<byte[], byte[]> raw(long offset, Headers headers, String body) {
    return TestRecords.raw("orders", 0, offset, utf8(GADGET), utf8(body), headers);
  }
}
