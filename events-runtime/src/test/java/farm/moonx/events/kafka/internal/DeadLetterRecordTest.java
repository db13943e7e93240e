package farm.moonx.events.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.spi.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterRecordTest {
  private static final DeadLetterRecord.Origin ORIGIN = new DeadLetterRecord.Origin("orders", 2, 41L, 1_700L, "billing");

  private static String text(Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  @Test
  void keepsKeyValueAndHeadersAndAddsWhatFailedAndWhere() {
    Headers original = new RecordHeaders();
    original.add(EventHeaders.EVENT_TYPE, "order.placed".getBytes(StandardCharsets.UTF_8));
    byte[] value = "{\"metadata\":{}}".getBytes(StandardCharsets.UTF_8);

    ProducerRecord<byte[], byte[]> dead = DeadLetterRecord.of("orders.dlq", "k".getBytes(StandardCharsets.UTF_8),
        value, original, new IllegalStateException("boom"), ORIGIN, 3, 1_800L);

    assertThat(dead.topic()).isEqualTo("orders.dlq");
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("k");
    assertThat(dead.value()).isSameAs(value);
    assertThat(text(dead.headers(), EventHeaders.EVENT_TYPE)).isEqualTo("order.placed");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ERROR_CLASS)).isEqualTo("java.lang.IllegalStateException");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ERROR_MESSAGE)).isEqualTo("boom");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo("orders");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ORIGINAL_PARTITION)).isEqualTo("2");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ORIGINAL_OFFSET)).isEqualTo("41");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ORIGINAL_TIMESTAMP)).isEqualTo("1700");
    assertThat(text(dead.headers(), EventHeaders.DLQ_CONSUMER_GROUP)).isEqualTo("billing");
    assertThat(text(dead.headers(), EventHeaders.DLQ_ATTEMPTS)).isEqualTo("3");
    assertThat(text(dead.headers(), EventHeaders.DLQ_FAILED_AT)).isEqualTo("1800");
  }

  @Test
  void boundsTheErrorMessage() {
    String huge = "x".repeat(50_000);
    ProducerRecord<byte[], byte[]> dead = DeadLetterRecord.of("t.dlq", null, new byte[0], new RecordHeaders(),
        new IllegalStateException(huge), ORIGIN, 1, 0L);

    String message = text(dead.headers(), EventHeaders.DLQ_ERROR_MESSAGE);
    assertThat(message).hasSize(EventHeaders.DLQ_MAX_MESSAGE_LENGTH).endsWith("…");
    assertThat(DeadLetterRecord.bounded(null)).isEmpty();
    // a surrogate pair straddling the cut is dropped whole, never split
    String emoji = "a".repeat(EventHeaders.DLQ_MAX_MESSAGE_LENGTH - 2) + "\uD83D\uDE00" + "tail";
    assertThat(DeadLetterRecord.bounded(emoji)).doesNotContain("\uD83D").endsWith("…");
  }

  @Test
  void deadLetteringAgainReplacesTheDlqHeadersInsteadOfGrowingThem() {
    ProducerRecord<byte[], byte[]> first = DeadLetterRecord.of("orders.dlq", null, new byte[0], new RecordHeaders(),
        new IllegalStateException("first " + "y".repeat(5_000)), ORIGIN, 3, 1L);
    // the dead-letter topic is replayed into the main topic and the record fails again
    ProducerRecord<byte[], byte[]> second = DeadLetterRecord.of("orders.dlq", null, new byte[0], first.headers(),
        new IllegalArgumentException("second"), ORIGIN, 1, 2L);

    Header[] firstHeaders = first.headers().toArray();
    Header[] secondHeaders = second.headers().toArray();
    assertThat(secondHeaders).hasSameSizeAs(firstHeaders);
    assertThat(Arrays.stream(secondHeaders).map(Header::key)).doesNotHaveDuplicates();
    assertThat(text(second.headers(), EventHeaders.DLQ_ERROR_MESSAGE)).isEqualTo("second");
    assertThat(text(second.headers(), EventHeaders.DLQ_ATTEMPTS)).isEqualTo("1");
  }
}
