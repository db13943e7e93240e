package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.CARD_ADDED;
import static farm.moonx.events.kafka.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.kafka.DeadLetters.Entry;
import farm.moonx.events.kafka.internal.DeadLetterEntries;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.JsonEventSerializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Sensitive} component of an internal event (whose other data is logged at debug):
 * its value fails to decode in one record and fails in a handler in another; both are
 * dead-lettered, and the value is in no log line, no dead-letter header and no view of the
 * dead-letter reader.
 */
class SensitiveFieldRedactionTest {
  private static final String SECRET = "4111-0000-SECRET-9999";
  private static final TopicPartition P0 = new TopicPartition("cards", 0);

  @Test
  void aSensitiveValueThatFailsToDecodeOrFailsInAHandlerIsDeadLetteredButNeverShown() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    List<String> envelopeTexts = new ArrayList<>();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      TestRecords records = new TestRecords();
      RecordHeaders typed = new RecordHeaders();
      typed.add(EventHeaders.EVENT_TYPE, utf8("card.added"));
      List<ConsumerRecord<byte[], byte[]>> consumed = List.of(
          records.event("cards", 0, 0, CARD_ADDED, new CardAdded("u-1", SECRET, "visa")),
          // the sensitive value where an object cannot be a String: the codec fails on it
          TestRecords.raw("cards", 0, 1, null, utf8("{\"metadata\":{\"eventType\":\"card.added\",\"eventId\":\"e-2\"},"
              + "\"data\":{\"userId\":\"u-2\",\"cardNumber\":{\"n\":\"" + SECRET + "\"},\"brand\":\"" + SECRET + "\"}}"),
              typed));
      ReplayingConsumer consumer = new ReplayingConsumer().assignOnFirstPoll(List.of(P0), consumed);
      EventConsumerConfig config = EventConsumerConfig.builder("cards-group").bootstrapServers("unused:9092")
          .topics("cards").retryPolicy(RetryPolicy.noRetry())
          .handler(CARD_ADDED, (event, delivery) -> {
            envelopeTexts.add(event.toString());
            throw new IllegalStateException("card " + event.data().cardNumber() + " rejected by the bank");
          })
          .build();
      try (KafkaEventConsumer container = KafkaEventConsumer.create(config, () -> consumer, dlq, Clock.systemUTC()).start()) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 2);
      }
    } finally {
      System.err.flush();
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    original.print(log);

    assertThat(dlq.history()).hasSize(2);
    for (ProducerRecord<byte[], byte[]> dead : dlq.history()) {
      for (Header header : dead.headers()) {
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key()).doesNotContain(SECRET);
      }
    }
    assertThat(text(dlq.history().get(0), EventHeaders.DLQ_ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
    assertThat(log).contains("handling card.added").contains("unreadable record cards-0@1").doesNotContain(SECRET);
    assertThat(envelopeTexts).hasSize(1).allSatisfy(text -> assertThat(text).contains("card.added").doesNotContain(SECRET));

    DeadLetterEntries reader = new DeadLetterEntries(EventRegistry.of(CARD_ADDED), JsonEventSerializer.shared(), 4096);
    List<Entry> entries = new ArrayList<>();
    for (ProducerRecord<byte[], byte[]> dead : dlq.history()) {
      entries.add(reader.read(TestRecords.raw("cards.dlq", 0, entries.size(), dead.key(), dead.value(), dead.headers())));
    }
    Entry failedInHandler = entries.get(0);
    assertThat(failedInHandler.redactedJson()).hasValueSatisfying(json ->
        assertThat(json).contains("\"cardNumber\" : \"<redacted>\"", "\"brand\" : \"visa\"").doesNotContain(SECRET));
    Entry undecodable = entries.get(1);
    assertThat(undecodable.event()).isNull();
    assertThat(undecodable.decodeError()).contains("withheld").doesNotContain(SECRET);
    for (Entry entry : entries) {
      assertThat(entry.toString()).doesNotContain(SECRET);
      assertThat(entry.failure().message()).doesNotContain(SECRET);
    }
    EventEnvelope<?> decoded = failedInHandler.event();
    assertThat(decoded.toString()).doesNotContain(SECRET);
  }

  private static String text(ProducerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
