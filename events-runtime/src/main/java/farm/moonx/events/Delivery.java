package farm.moonx.events;

import farm.moonx.events.internal.LazyMap;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a consumed event came from, as a handler sees it.
 *
 * @param topic the Kafka topic
 * @param partition the partition
 * @param offset the record's offset
 * @param recordTimestamp the Kafka record timestamp, epoch milliseconds
 * @param consumerGroup the consumer group that received it
 * @param deliveryAttempt 1 on the first delivery, then 2, 3… on retries
 * @param headers the record headers by key (the last value for repeated keys), unmodifiable
 */
public record Delivery(
    String topic,
    int partition,
    long offset,
    long recordTimestamp,
    String consumerGroup,
    int deliveryAttempt,
    Map<String, byte[]> headers) {

  /** Makes {@code headers} an unmodifiable copy (the runtime's own, read lazily, is kept as is). */
  public Delivery {
    if (!(headers instanceof LazyMap)) {
      headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
  }

  /** A header's value as UTF-8 text, if present. */
  public Optional<String> header(String key) {
    byte[] value = headers.get(key);
    return value == null ? Optional.empty() : Optional.of(new String(value, StandardCharsets.UTF_8));
  }

  /** Whether this delivery is a retry of an earlier failed one. */
  public boolean isRetry() {
    return deliveryAttempt > 1;
  }
}
