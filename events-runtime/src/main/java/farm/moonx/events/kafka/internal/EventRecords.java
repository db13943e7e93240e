package farm.moonx.events.kafka.internal;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.EventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Turns envelopes into Kafka records (key, JSON value, routing headers) and reads headers back. */
public final class EventRecords {
  private final EventSerializer serializer;
  private final boolean cloudEvents;

  /** Records written with {@code serializer}, with CloudEvents headers if {@code cloudEvents}. */
  public EventRecords(EventSerializer serializer, boolean cloudEvents) {
    this.serializer = serializer;
    this.cloudEvents = cloudEvents;
  }

  /**
   * The record for {@code envelope}: key = {@code metadata.partition}, value = the JSON
   * envelope, timestamp = {@code metadata.timestamp}, headers mirroring the routing fields.
   */
  public <T> ProducerRecord<String, byte[]> toRecord(
      String topic, EventEnvelope<T> envelope, EventDescriptor<T> descriptor) {
    byte[] value = serializer.serialize(envelope, descriptor);
    EventMetadata m = envelope.metadata();
    // A new set of headers, each key written once: added, not put (put scans for an earlier value).
    Headers headers = new RecordHeaders();
    add(headers, EventHeaders.EVENT_ID, m.eventId());
    add(headers, EventHeaders.EVENT_VERSION, m.eventVersion());
    add(headers, EventHeaders.CORRELATION_ID, m.correlationId());
    add(headers, EventHeaders.CAUSATION_ID, m.causationId());
    if (cloudEvents) {
      add(headers, EventHeaders.CE_SPECVERSION, "1.0");
      add(headers, EventHeaders.CE_ID, m.eventId());
      add(headers, EventHeaders.CE_SOURCE, m.source());
      add(headers, EventHeaders.CE_TYPE, m.eventType());
      add(headers, EventHeaders.CE_TIME, Instant.ofEpochMilli(m.timestamp()).toString());
      add(headers, EventHeaders.CONTENT_TYPE, "application/json");
    }
    // Last of ours: a consumer routes by it with lastHeader, which searches from the end and
    // makes kafka-clients decode every header key it passes on the way.
    add(headers, EventHeaders.EVENT_TYPE, m.eventType());
    Long timestamp = m.timestamp() > 0 ? m.timestamp() : null;
    return new ProducerRecord<>(topic, null, timestamp, m.partition(), value, headers);
  }

  /** Sets header {@code key} to {@code value} as UTF-8, replacing earlier values; null sets nothing. */
  public static void put(Headers headers, String key, String value) {
    headers.remove(key);
    add(headers, key, value);
  }

  /** Adds header {@code key} with {@code value} as UTF-8, keeping earlier values; null adds nothing. */
  private static void add(Headers headers, String key, String value) {
    if (value != null) {
      headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The last value of header {@code key} as UTF-8 text, or null. */
  public static String text(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The headers by key (last value wins), for {@code Delivery}. */
  public static Map<String, byte[]> toMap(Headers headers) {
    Map<String, byte[]> map = new LinkedHashMap<>();
    for (Header header : headers) {
      map.put(header.key(), header.value());
    }
    return map;
  }
}
