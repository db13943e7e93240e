package farm.moonx.events.kafka;

import static farm.moonx.events.kafka.KafkaTestEvents.CARD_CHARGED;
import static farm.moonx.events.kafka.KafkaTestEvents.ORDER_PLACED;
import static farm.moonx.events.kafka.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.PublishResult;
import farm.moonx.events.spi.EventHeaders;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Confidential and restricted events' data never reaches a log line, on any path that logs:
 * publishing, handling, a handler failure whose message quotes the data, and an unreadable
 * body. Logging runs at debug for farm.moonx.events (see the surefire config), where the data
 * of internal events is logged, so the absence of the secret is not an accident of log levels.
 */
class SensitiveDataLoggingTest {
  private static final String SECRET = "4111-0000-SECRET-9999";
  private static final TopicPartition P0 = new TopicPartition("payments", 0);

  @Test
  void restrictedDataStaysOutOfTheLogsWhileIdsAndTypesAreThere() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
    String cardEventId;
    try {
      MockProducer<String, byte[]> producer =
          new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
      try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
          EventPublisherConfig.builder("payments").bootstrapServers("unused:9092").build(), producer)) {
        PublishResult card = publisher.publish(CARD_CHARGED, new CardCharged("ch-1", "u-1", SECRET)).join();
        cardEventId = card.eventId();
        publisher.publish(ORDER_PLACED, new Order("o-visible", "c-1", 1)).join();
      }

      TestRecords records = new TestRecords();
      RecordHeaders cardHeader = new RecordHeaders();
      cardHeader.add(EventHeaders.EVENT_TYPE, utf8("card.charged"));
      List<ConsumerRecord<byte[], byte[]>> consumed = List.of(
          TestRecords.raw("payments", 0, 0, null, producer.history().get(0).value(), producer.history().get(0).headers()),
          records.event("payments", 0, 1, ORDER_PLACED, new Order("o-visible", "c-1", 2)),
          TestRecords.raw("payments", 0, 2, null,
              utf8("{\"metadata\":{\"eventType\":\"card.charged\"},\"data\":{\"cardNumber\":" + SECRET + "}}"), cardHeader));
      ReplayingConsumer consumer = new ReplayingConsumer().assignOnFirstPoll(List.of(P0), consumed);
      EventConsumerConfig config = EventConsumerConfig.builder("logging").bootstrapServers("unused:9092")
          .topics("payments").retryPolicy(RetryPolicy.noRetry())
          .handler(CARD_CHARGED, (event, delivery) -> {
            throw new IllegalStateException("card " + event.data().cardNumber() + " declined");
          })
          .handler(ORDER_PLACED, (event, delivery) -> { })
          .build();
      MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      try (KafkaEventConsumer container = KafkaEventConsumer.create(config, () -> consumer, dlq, Clock.systemUTC()).start()) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.committedOffset(P0) == 3);
        assertThat(container.healthCheck().up()).isTrue();
      }
      assertThat(dlq.history()).hasSize(2); // the failed card event and the unreadable one
    } finally {
      System.err.flush();
      System.setErr(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log)
        .contains("publishing card.charged " + cardEventId)
        .contains("handling card.charged " + cardEventId + " failed")
        .contains("java.lang.IllegalStateException (message withheld: it may quote event data)")
        .contains("unreadable record payments-0@2 (type card.charged)")
        .contains("o-visible") // internal data is logged at debug: the secret's absence means something
        .doesNotContain(SECRET)
        .doesNotContain("SECRET");
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      first.flush();
      second.flush();
    }
  }
}
