package farm.moonx.events.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The runtime's meters, on Micrometer. Without a registry ({@link #noop()}) every call does
 * nothing. Every meter is tagged {@value #TAG_EVENT_TYPE}; failures add {@value #TAG_EXCEPTION}
 * (the exception's simple class name), skips and dead letters add {@value #TAG_REASON}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><td>{@value #PUBLISHED}</td><td>counter</td><td>events acknowledged by the broker</td></tr>
 *   <tr><td>{@value #PUBLISH_FAILED}</td><td>counter</td><td>events rejected or not delivered</td></tr>
 *   <tr><td>{@value #PUBLISH_LATENCY}</td><td>timer</td><td>publish call to acknowledgement</td></tr>
 *   <tr><td>{@value #PROCESSED}</td><td>counter</td><td>events handled successfully</td></tr>
 *   <tr><td>{@value #PROCESSING_TIME}</td><td>timer</td><td>handler duration</td></tr>
 *   <tr><td>{@value #PROCESSING_FAILED}</td><td>counter</td><td>handler failures (each attempt)</td></tr>
 *   <tr><td>{@value #RETRIED}</td><td>counter</td><td>redeliveries after a failure</td></tr>
 *   <tr><td>{@value #DEAD_LETTERED}</td><td>counter</td><td>events sent to the dead-letter topic</td></tr>
 *   <tr><td>{@value #SKIPPED}</td><td>counter</td><td>events not handled: unknown type, filtered out</td></tr>
 * </table>
 *
 * <p>Reasons must be short fixed codes (e.g. {@code unknown-type}, {@code filtered},
 * {@code malformed}), never free text: every distinct value is a new time series.
 *
 * <p>Each meter is registered once, on its first use, and kept: building and registering a
 * meter per record (a new {@code Meter.Id}, its tags sorted, a registry lookup) cost several
 * times the recording itself. The cache holds one entry per time series, so it is bounded by
 * the same tag values the registry holds. A meter removed from the registry afterwards keeps
 * counting here but is no longer published, as with any meter reference Micrometer hands out.
 */
public final class EventMetrics {
  /** Counter name. */
  public static final String PUBLISHED = "moonx.events.published";
  /** Counter name. */
  public static final String PUBLISH_FAILED = "moonx.events.publish.failed";
  /** Timer name. */
  public static final String PUBLISH_LATENCY = "moonx.events.publish.latency";
  /** Counter name. */
  public static final String PROCESSED = "moonx.events.processed";
  /** Timer name. */
  public static final String PROCESSING_TIME = "moonx.events.processing.time";
  /** Counter name. */
  public static final String PROCESSING_FAILED = "moonx.events.processing.failed";
  /** Counter name. */
  public static final String RETRIED = "moonx.events.retried";
  /** Counter name. */
  public static final String DEAD_LETTERED = "moonx.events.dead.lettered";
  /** Counter name. */
  public static final String SKIPPED = "moonx.events.skipped";
  /** Tag key of the event type. */
  public static final String TAG_EVENT_TYPE = "event.type";
  /** Tag key of a failure's exception class. */
  public static final String TAG_EXCEPTION = "exception";
  /** Tag key of a skip or dead-letter reason. */
  public static final String TAG_REASON = "reason";

  /** Used when the event type is not known (e.g. a body that could not be read). */
  private static final String UNKNOWN = "unknown";
  private static final EventMetrics NOOP = new EventMetrics(null);

  private final MeterRegistry registry;
  private final ConcurrentMap<MeterKey, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<MeterKey, Timer> timers = new ConcurrentHashMap<>();

  private EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One time series: a meter name, the event type and at most one more tag. */
  private record MeterKey(String name, String eventType, String tagKey, String tagValue) {}

  /** Metrics that record nothing. */
  public static EventMetrics noop() {
    return NOOP;
  }

  /** Metrics registered in {@code registry}; {@link #noop()} if it is null. */
  public static EventMetrics of(MeterRegistry registry) {
    return registry == null ? NOOP : new EventMetrics(registry);
  }

  /** Whether this records anything. */
  public boolean isEnabled() {
    return registry != null;
  }

  /** One event was acknowledged by the broker. */
  public void published(String eventType) {
    count(PUBLISHED, eventType, null, null);
  }

  /** One event could not be published. */
  public void publishFailed(String eventType, Throwable error) {
    count(PUBLISH_FAILED, eventType, TAG_EXCEPTION, exceptionName(error));
  }

  /** Time from publish call to acknowledgement. */
  public void publishLatency(String eventType, Duration latency) {
    time(PUBLISH_LATENCY, eventType, latency);
  }

  /** One event was handled successfully in {@code processingTime}. */
  public void processed(String eventType, Duration processingTime) {
    count(PROCESSED, eventType, null, null);
    time(PROCESSING_TIME, eventType, processingTime);
  }

  /** One handling attempt failed. */
  public void processingFailed(String eventType, Throwable error) {
    count(PROCESSING_FAILED, eventType, TAG_EXCEPTION, exceptionName(error));
  }

  /** One event is being delivered again after a failure. */
  public void retried(String eventType) {
    count(RETRIED, eventType, null, null);
  }

  /** One event went to the dead-letter topic. */
  public void deadLettered(String eventType, String reason) {
    count(DEAD_LETTERED, eventType, TAG_REASON, reason);
  }

  /** One event was not handled, e.g. its type is unknown or a filter rejected it. */
  public void skipped(String eventType, String reason) {
    count(SKIPPED, eventType, TAG_REASON, reason);
  }

  private void count(String name, String eventType, String tagKey, String tagValue) {
    if (registry == null) {
      return;
    }
    counters.computeIfAbsent(new MeterKey(name, orUnknown(eventType), tagKey, tagKey == null ? null : orUnknown(tagValue)),
        key -> {
          Counter.Builder b = Counter.builder(key.name()).tag(TAG_EVENT_TYPE, key.eventType());
          if (key.tagKey() != null) {
            b.tag(key.tagKey(), key.tagValue());
          }
          return b.register(registry);
        }).increment();
  }

  private void time(String name, String eventType, Duration duration) {
    if (registry != null) {
      timers.computeIfAbsent(new MeterKey(name, orUnknown(eventType), null, null),
          key -> Timer.builder(key.name()).tag(TAG_EVENT_TYPE, key.eventType()).register(registry)).record(duration);
    }
  }

  private static String exceptionName(Throwable error) {
    return error == null ? "none" : error.getClass().getSimpleName();
  }

  private static String orUnknown(String value) {
    return value == null || value.isEmpty() ? UNKNOWN : value;
  }
}
