package farm.moonx.events.kafka.internal;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.internal.EnvelopeValidator;
import farm.moonx.events.internal.EventMdc;
import farm.moonx.events.internal.EventMetrics;
import farm.moonx.events.internal.LazyMap;
import farm.moonx.events.internal.Redaction;
import farm.moonx.events.internal.ValidationResult;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventConsumerConfig.UnknownTypePolicy;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.spi.EventDispatcher;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.spi.UnknownEventTypeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One record through the consume pipeline: route by header → decode → validate → filter →
 * transform → dispatch, and what should happen next. Talks to no Kafka client: the
 * {@link ConsumerWorker} acts on the {@link Outcome}.
 *
 * <p>The Java type of an event is chosen only by looking its name up in the dispatcher's
 * registry; a record whose type the dispatcher does not handle is never decoded.
 */
public final class RecordProcessor {
  private static final Logger log = LoggerFactory.getLogger(RecordProcessor.class);

  /** What the worker does next with a record. */
  public enum Action {
    /** Done: handled, filtered out or skipped; commit it. */
    DONE,
    /** The handler failed and may be retried: rewind and try again after a backoff. */
    RETRY,
    /** Give up: copy it to the dead-letter topic, then commit it. */
    DEAD_LETTER
  }

  /**
   * The result of processing one record.
   *
   * @param action what to do next
   * @param eventType the event type, if it could be read (else null)
   * @param error why it failed (null when done)
   * @param attempts how many times the handler ran for this record so far (0 if never)
   */
  public record Outcome(Action action, String eventType, Throwable error, int attempts) {
    static Outcome done(String eventType) {
      return new Outcome(Action.DONE, eventType, null, 0);
    }

    static Outcome deadLetter(String eventType, Throwable error, int attempts) {
      return new Outcome(Action.DEAD_LETTER, eventType, error, attempts);
    }
  }

  /** The meter tag of event types the registry does not declare. */
  public static final String UNREGISTERED = "unregistered";

  private final EventConsumerConfig config;
  private final EventDispatcher dispatcher;
  private final EventMetrics metrics;
  private final RetryPolicy retryPolicy;
  private final EnvelopeValidator validator = EnvelopeValidator.standard();
  private final Tracing tracing;
  /**
   * The event type last read from a header, with its bytes: the records of a topic carry one or
   * a few types, so most records reuse its {@code String} (and its cached hash for the lookups)
   * instead of decoding their own. Shared by the workers: each value is immutable.
   */
  private volatile HeaderType lastType;

  private record HeaderType(byte[] bytes, String text) {}

  /** A processor for {@code config}. */
  public RecordProcessor(EventConsumerConfig config) {
    this.config = config;
    this.dispatcher = config.dispatcher();
    this.metrics = EventMetrics.of(config.meterRegistry());
    this.retryPolicy = config.retryPolicy();
    this.tracing = Tracing.create(config.openTelemetry());
  }

  /**
   * The {@code event.type} meter tag for {@code eventType}: the name if the registry declares
   * it, else {@value #UNREGISTERED}. Names from headers are not trusted as tags: any producer
   * could otherwise create unbounded meter series.
   */
  public String meterTag(String eventType) {
    return eventType != null && dispatcher.registry().contains(eventType) ? eventType : UNREGISTERED;
  }

  /** Processes {@code record}, delivered for the {@code attempt}-th time (1-based). */
  public Outcome process(ConsumerRecord<byte[], byte[]> record, int attempt) {
    return process(record, headerType(record), attempt);
  }

  /**
   * {@link #process(ConsumerRecord, int)} with the record's {@link #headerType(ConsumerRecord)}
   * already read, by the thread that polled it.
   */
  public Outcome process(ConsumerRecord<byte[], byte[]> record, String headerType, int attempt) {
    if (record.value() == null) {
      return Outcome.deadLetter(null, new MalformedEventException("record has no value", -1), 0);
    }
    String type = headerType;
    try {
      if (type == null) {
        type = config.serializer().routing(record.value()).eventType(); // metadata only, data not decoded
      }
      if (!dispatcher.handles(type)) {
        if (config.unknownTypePolicy() == UnknownTypePolicy.DEAD_LETTER) {
          return Outcome.deadLetter(type, new UnknownEventTypeException(type), 0);
        }
        metrics.skipped(meterTag(type), "unhandled");
        log.debug("skipped record {}-{}@{} of unhandled type {}", record.topic(), record.partition(), record.offset(),
            LogSafe.text(type));
        return Outcome.done(type);
      }
      EventEnvelope<?> envelope = config.serializer().deserialize(record.value(), dispatcher.registry());
      if (!type.equals(envelope.eventType())) {
        return Outcome.deadLetter(type, new MalformedEventException("header " + EventHeaders.EVENT_TYPE
            + " \"" + LogSafe.text(type) + "\" does not match metadata.eventType \""
            + LogSafe.text(envelope.eventType()) + "\"", -1), 0);
      }
      EventDescriptor<?> descriptor = dispatcher.registry().find(type)
          .orElseThrow(() -> new UnknownEventTypeException(envelope.eventType()));
      return traced(envelope, descriptor, record, attempt);
    } catch (MalformedEventException | UnknownEventTypeException e) {
      Throwable logged = LogSafe.error(e, !quotable(type, record.value()));
      log.warn("unreadable record {}-{}@{} (type {}): {}", record.topic(), record.partition(), record.offset(),
          LogSafe.text(type), LogSafe.text(logged.getMessage()));
      return Outcome.deadLetter(type, logged, 0);
    } catch (RuntimeException e) {
      // A failure of the pipeline itself (a codec or validator bug): retrying cannot help.
      Throwable logged = LogSafe.error(e, !quotable(type, record.value()));
      log.error("processing record {}-{}@{} (type {}) failed", record.topic(), record.partition(), record.offset(),
          LogSafe.text(type), logged);
      return Outcome.deadLetter(type, logged, 0);
    }
  }

  /**
   * The record's last {@link EventHeaders#EVENT_TYPE} header as UTF-8 text, or null; see
   * {@link #lastType}. Best read by the thread that polled the record, before it is handed over:
   * that thread has just built the header objects, which the handler thread would read from
   * the other core's cache.
   */
  public String headerType(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
    byte[] value = header == null ? null : header.value();
    if (value == null) {
      return null;
    }
    HeaderType last = lastType;
    if (last != null && Arrays.equals(last.bytes(), value)) {
      return last.text();
    }
    String text = new String(value, StandardCharsets.UTF_8);
    lastType = new HeaderType(value.clone(), text); // a copy: a handler may rewrite its record's header
    return text;
  }

  /** {@link #handle} in a consumer span that continues the record's trace and ends with the outcome. */
  private Outcome traced(
      EventEnvelope<?> decoded, EventDescriptor<?> descriptor, ConsumerRecord<byte[], byte[]> record, int attempt) {
    Tracing.Span span = tracing.startProcess(record, config.groupId(), descriptor.name(), decoded.eventId());
    Outcome outcome;
    try {
      outcome = handle(decoded, descriptor, record, attempt, span);
    } catch (RuntimeException | Error e) {
      span.end(e);
      throw e;
    }
    if (outcome.action() == Action.RETRY) {
      span.retry(attempt, outcome.error());
    } else if (outcome.action() == Action.DEAD_LETTER) {
      span.deadLetter(outcome.error());
    }
    span.end(outcome.error());
    return outcome;
  }

  /**
   * Whether the messages of errors reading {@code body} may be logged and dead-lettered: they may
   * quote the body, so only for a registered, non-sensitive type whose body does not (or might
   * not) raise its own classification.
   */
  private boolean quotable(String type, byte[] body) {
    return type != null && !LogSafe.mayBeSensitive(body) && dispatcher.registry().find(type)
        .map(d -> !Redaction.hidesValues(d)).orElse(false);
  }

  private <T> Outcome handle(EventEnvelope<?> decoded, EventDescriptor<T> descriptor,
      ConsumerRecord<byte[], byte[]> record, int attempt, Tracing.Span span) {
    EventEnvelope<T> envelope = descriptor.castEnvelope(decoded);
    String type = descriptor.name();
    boolean sensitive = LogSafe.isSensitive(envelope, descriptor);
    try (EventMdc.Scope ignored = EventMdc.open(envelope.metadata()); Tracing.Scope current = span.makeCurrent()) {
      if (config.validationEnabled()) {
        ValidationResult result = validator.validate(envelope, descriptor);
        if (!result.valid()) {
          EventValidationException invalid = new EventValidationException(type, result.errors());
          log.warn("invalid {} {} at {}-{}@{}: {} problem(s)", type, LogSafe.text(envelope.eventId()), record.topic(),
              record.partition(), record.offset(), result.errors().size());
          // Validation messages quote values: a sensitive event's dead letter keeps only the paths.
          return Outcome.deadLetter(type, LogSafe.error(invalid, sensitive), 0);
        }
      }
      long start = metrics.isEnabled() ? System.nanoTime() : 0; // no clock reads for a disabled meter
      try {
        if (!Transformers.accepted(config.filters(), envelope)) {
          metrics.skipped(type, "filtered");
          return Outcome.done(type);
        }
        EventEnvelope<T> transformed = Transformers.apply(config.transformers(), envelope, descriptor);
        Delivery context = new Delivery(record.topic(), record.partition(), record.offset(),
            record.timestamp(), config.groupId(), attempt, LazyMap.of(() -> EventRecords.toMap(record.headers())));
        if (!dispatcher.dispatch(transformed, context)) {
          metrics.skipped(type, "unhandled");
          return Outcome.done(type);
        }
        if (metrics.isEnabled()) {
          metrics.processed(type, Duration.ofNanos(System.nanoTime() - start));
        }
        if (log.isDebugEnabled()) {
          log.debug("handled {} {} (attempt {}) {}", type, LogSafe.text(envelope.eventId()), attempt,
              LogSafe.data(envelope, descriptor));
        }
        return Outcome.done(type);
      } catch (Exception e) {
        metrics.processingFailed(type, e);
        boolean retry = retryPolicy.shouldRetry(e, attempt);
        Throwable safe = LogSafe.error(e, sensitive); // also what the dead-letter headers get
        log.warn("handling {} {} failed (attempt {} of {}), {}", type, LogSafe.text(envelope.eventId()), attempt,
            retryPolicy.maxAttempts(), retry ? "will retry" : "dead-lettering", safe);
        return new Outcome(retry ? Action.RETRY : Action.DEAD_LETTER, type, safe, attempt);
      }
    }
  }
}
