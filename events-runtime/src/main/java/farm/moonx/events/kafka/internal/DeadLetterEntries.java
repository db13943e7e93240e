package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.internal.Redaction;
import farm.moonx.events.kafka.DeadLetters.Entry;
import farm.moonx.events.kafka.DeadLetters.Failure;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.EventSerializer;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.spi.UnknownEventTypeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads a dead-letter record's {@code dlq.*} headers and body into a {@link Entry}. */
public final class DeadLetterEntries {
  /** A field path as error messages write it: {@code data.amount}, {@code data.lines[2].sku}. */
  private static final Pattern FIELD_PATH =
      Pattern.compile("\\b((?:metadata|data)(?:\\.[A-Za-z_$][A-Za-z0-9_$]*|\\[\\d+])+)");

  private final EventRegistry registry;
  private final EventSerializer serializer;
  private final int maxRawBytes;

  /** Entries decoded through {@code registry} with {@code serializer}, keeping up to {@code maxRawBytes} raw. */
  public DeadLetterEntries(EventRegistry registry, EventSerializer serializer, int maxRawBytes) {
    this.registry = registry;
    this.serializer = serializer;
    this.maxRawBytes = maxRawBytes;
  }

  /** The entry for {@code record} of the dead-letter topic. */
  public Entry read(ConsumerRecord<byte[], byte[]> record) {
    Headers h = record.headers();
    byte[] value = record.value();
    String type = EventRecords.text(h, EventHeaders.EVENT_TYPE);
    EventEnvelope<?> event = null;
    String decodeError = null;
    if (value == null) {
      decodeError = "record has no value";
    } else {
      try {
        if (type == null) {
          type = serializer.routing(value).eventType();
        }
        event = serializer.deserialize(value, registry);
      } catch (MalformedEventException | UnknownEventTypeException e) {
        decodeError = e.getMessage();
      }
    }
    EventDescriptor<?> descriptor = type == null ? null : registry.find(type).orElse(null);
    if (decodeError != null && descriptor != null && Redaction.hidesValues(descriptor)) {
      // A parser message may quote the body.
      decodeError = "does not decode (" + decodeErrorKind(decodeError) + "; message withheld: it may quote data)";
    }
    String message = EventRecords.text(h, EventHeaders.DLQ_ERROR_MESSAGE);
    Failure failure = new Failure(EventRecords.text(h, EventHeaders.DLQ_ERROR_CLASS),
        message, fieldPath(message));
    byte[] raw = event != null || value == null ? new byte[0] : Arrays.copyOf(value, Math.min(value.length, maxRawBytes));
    return new Entry(record.partition(), record.offset(), EventRecords.text(h, EventHeaders.DLQ_ORIGINAL_TOPIC),
        (int) number(h, EventHeaders.DLQ_ORIGINAL_PARTITION), number(h, EventHeaders.DLQ_ORIGINAL_OFFSET),
        instant(h, EventHeaders.DLQ_ORIGINAL_TIMESTAMP),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), type,
        event != null ? event.eventId() : EventRecords.text(h, EventHeaders.EVENT_ID), failure,
        (int) Math.max(0, number(h, EventHeaders.DLQ_ATTEMPTS)), EventRecords.text(h, EventHeaders.DLQ_CONSUMER_GROUP),
        instant(h, EventHeaders.DLQ_FAILED_AT), event, descriptor, decodeError, raw,
        value == null ? 0 : value.length, otherHeaders(h));
  }

  /** The first field path {@code message} names, or null. */
  static String fieldPath(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = FIELD_PATH.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  private static String decodeErrorKind(String message) {
    return message.startsWith("unknown event type") ? "unknown event type" : "malformed";
  }

  private static long number(Headers headers, String key) {
    String text = EventRecords.text(headers, key);
    if (text == null) {
      return -1;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return -1; // a header written by something else: treat as unknown, the entry is still listed
    }
  }

  private static Instant instant(Headers headers, String key) {
    long millis = number(headers, key);
    return millis < 0 ? null : Instant.ofEpochMilli(millis);
  }

  private static Map<String, String> otherHeaders(Headers headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Header header : headers) {
      if (!header.key().startsWith(EventHeaders.DLQ_PREFIX)) {
        out.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
