package farm.moonx.events.kafka.internal;

import farm.moonx.events.spi.EventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the copy of a failed record sent to a dead-letter topic: the original key, value and
 * headers, plus {@code dlq.*} headers saying what failed. Existing {@code dlq.*} headers are
 * dropped first, so a record dead-lettered again (after a replay) does not grow.
 */
public final class DeadLetterRecord {
  private DeadLetterRecord() {}

  /** Where the failed record came from; partition and offset are -1 when it was never written. */
  public record Origin(String topic, int partition, long offset, long timestamp, String consumerGroup) {}

  /**
   * The dead-letter record for a record with {@code key}, {@code value} and {@code headers}
   * that failed with {@code error} after {@code attempts} handler attempts.
   */
  public static <K> ProducerRecord<K, byte[]> of(
      String deadLetterTopic, K key, byte[] value, Headers headers,
      Throwable error, Origin origin, int attempts, long failedAt) {
    Headers out = new RecordHeaders();
    for (Header header : headers) {
      if (!header.key().startsWith(EventHeaders.DLQ_PREFIX)) {
        out.add(header);
      }
    }
    EventRecords.put(out, EventHeaders.DLQ_ERROR_CLASS, LogSafe.errorClass(error));
    EventRecords.put(out, EventHeaders.DLQ_ERROR_MESSAGE, bounded(error.getMessage()));
    EventRecords.put(out, EventHeaders.DLQ_ORIGINAL_TOPIC, origin.topic());
    if (origin.partition() >= 0) {
      EventRecords.put(out, EventHeaders.DLQ_ORIGINAL_PARTITION, Integer.toString(origin.partition()));
      EventRecords.put(out, EventHeaders.DLQ_ORIGINAL_OFFSET, Long.toString(origin.offset()));
    }
    if (origin.timestamp() >= 0) {
      EventRecords.put(out, EventHeaders.DLQ_ORIGINAL_TIMESTAMP, Long.toString(origin.timestamp()));
    }
    EventRecords.put(out, EventHeaders.DLQ_CONSUMER_GROUP, origin.consumerGroup());
    EventRecords.put(out, EventHeaders.DLQ_ATTEMPTS, Integer.toString(attempts));
    EventRecords.put(out, EventHeaders.DLQ_FAILED_AT, Long.toString(failedAt));
    return new ProducerRecord<>(deadLetterTopic, null, key, value, out);
  }

  /** {@code message} cut to {@link EventHeaders#DLQ_MAX_MESSAGE_LENGTH} characters ("" for null). */
  static String bounded(String message) {
    if (message == null) {
      return "";
    }
    int max = EventHeaders.DLQ_MAX_MESSAGE_LENGTH;
    if (message.length() <= max) {
      return message;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(message.charAt(end - 1))) {
      end--; // never split a surrogate pair into invalid UTF-16
    }
    return message.substring(0, end) + "…";
  }
}
