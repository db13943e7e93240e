package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.CARD_CHARGED;
import static farm.moonx.events.kafka.KafkaTestEvents.ORDER_PLACED;
import static farm.moonx.events.kafka.TestRecords.text;
import static farm.moonx.events.kafka.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.EventValidationException;
import farm.moonx.events.internal.EventMdc;
import farm.moonx.events.spi.EventHeaders;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Issue 10, items 5 and 6: input reaches logs and the MDC only escaped and capped; values of
 * confidential and restricted events (by descriptor or by the envelope's own
 * {@code metadata.dataClassification}) stay out of logs and dead-letter headers, which keep the
 * exception class and the field paths.
 */
class InputAtTheEdgeTest {
  private static final String SECRET = "SECRET-4111";
  private static final TopicPartition P0 = new TopicPartition("orders", 0);

  private static ConsumerRecord<byte[], byte[]> envelope(long offset, String eventId, String type, String classification,
      String data) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.EVENT_TYPE, utf8(type));
    String json = "{\"metadata\":{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + type + "\",\"eventVersion\":\"1.0\","
        + "\"correlationId\":\"c-1\",\"timestamp\":1732700000000,\"source\":\"shop\""
        + (classification == null ? "" : ",\"dataClassification\":\"" + classification + "\"") + "},\"data\":" + data + "}";
    return TestRecords.raw("orders", 0, offset, null, utf8(json), headers);
  }

  /** Runs {@code records} through a container with the given handlers, capturing stderr (slf4j-simple's log). */
  private static String run(List<ConsumerRecord<byte[], byte[]>> records, MockProducer<byte[], byte[]> dlq,
      EventConsumerConfig.Builder config) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(new OutputStream() {
      @Override
      public synchronized void write(int b) {
        original.write(b);
        captured.write(b);
      }
    }, true, StandardCharsets.UTF_8));
    try {
      ReplayingConsumer consumer = new ReplayingConsumer().assignOnFirstPoll(List.of(P0), records);
      try (KafkaEventConsumer container = KafkaEventConsumer.create(config.build(), () -> consumer, dlq,
          Clock.systemUTC()).start()) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == records.size());
      }
    } finally {
      System.err.flush();
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static EventConsumerConfig.Builder config() {
    return EventConsumerConfig.builder("edge").bootstrapServers("unused:9092").topics("orders")
        .retryPolicy(RetryPolicy.noRetry());
  }

  private static String order(String id, int sequence) {
    return "{\"orderId\":\"" + id + "\",\"customerId\":\"c-1\",\"sequence\":" + sequence + "}";
  }

  @Test
  void theEnvelopesOwnClassificationKeepsHandlerMessagesOutOfLogsAndDeadLetterHeaders() {
    MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    String log = run(List.of(envelope(0, "e-0", "order.placed", "confidential", order("o-1", 1)),
        envelope(1, "e-1", "order.placed", "restricted", order("o-2", -1))), dlq,
        config().handler(ORDER_PLACED, (event, delivery) -> {
          throw new IllegalStateException("card " + SECRET + " declined");
        }));

    assertThat(dlq.history()).hasSize(2);
    ProducerRecord<byte[], byte[]> failed = dlq.history().get(0);
    assertThat(text(failed.headers(), EventHeaders.DLQ_ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
    assertThat(text(failed.headers(), EventHeaders.DLQ_ERROR_MESSAGE)).doesNotContain(SECRET).contains("withheld");
    ProducerRecord<byte[], byte[]> invalid = dlq.history().get(1);
    assertThat(text(invalid.headers(), EventHeaders.DLQ_ERROR_CLASS)).isEqualTo(EventValidationException.class.getName());
    assertThat(text(invalid.headers(), EventHeaders.DLQ_ERROR_MESSAGE)).contains("data.sequence").doesNotContain("negative");
    assertThat(log).contains("handling order.placed e-0 failed").doesNotContain(SECRET);
  }

  @Test
  void aRestrictedDescriptorKeepsTheHandlerMessageOutOfTheDeadLetterHeaders() {
    MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    run(List.of(envelope(0, "e-0", "card.charged", null, "{\"chargeId\":\"ch-1\",\"userId\":\"u-1\",\"cardNumber\":\"x\"}")),
        dlq, config().handler(CARD_CHARGED, (event, delivery) -> {
          throw new IllegalStateException("card " + SECRET + " declined");
        }));
    assertThat(text(dlq.history().get(0).headers(), EventHeaders.DLQ_ERROR_MESSAGE)).doesNotContain(SECRET);
    assertThat(text(dlq.history().get(0).headers(), EventHeaders.DLQ_ERROR_CLASS))
        .isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void anUnreadableRecordThatRaisesItsOwnClassificationIsNotQuoted() {
    MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    String log = run(List.of(envelope(0, "e-0", "order.placed", "restricted",
        "{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"sequence\":\"" + SECRET + "\"}")), dlq,
        config().handler(ORDER_PLACED, (event, delivery) -> { }));
    assertThat(log).contains("unreadable record orders-0@0 (type order.placed)").doesNotContain(SECRET);
    assertThat(text(dlq.history().get(0).headers(), EventHeaders.DLQ_ERROR_MESSAGE)).doesNotContain(SECRET);
  }

  @Test
  void inputCannotForgeLogLinesNorFloodTheMdc() {
    MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    List<String> mdc = new CopyOnWriteArrayList<>();
    String forged = "e-1\\n[main] ERROR FORGED line";
    String longId = "x".repeat(10_000);
    String log = run(List.of(envelope(0, forged, "order.placed", null, order("o-1", 1)),
        envelope(1, longId, "order.placed", null, order("o-2", 2))), dlq,
        config().handler(ORDER_PLACED, (event, delivery) -> {
          mdc.add(MDC.get(EventMdc.EVENT_ID));
          throw new IllegalStateException("nope");
        }));
    assertThat(log).doesNotContain("\n[main] ERROR FORGED").contains("e-1\\n[main] ERROR FORGED line");
    assertThat(mdc.get(0)).isEqualTo("e-1\\n[main] ERROR FORGED line");
    assertThat(mdc.get(1)).hasSizeLessThanOrEqualTo(201);
    assertThat(log).doesNotContain("x".repeat(201));
  }
}
