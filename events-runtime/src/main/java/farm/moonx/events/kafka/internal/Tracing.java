package farm.moonx.events.kafka.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Spans around publishing and handling, over the OpenTelemetry API when it is on the class path
 * and nothing at all when it is not: only {@code OtelTracing} names OpenTelemetry types, and it
 * is loaded only after the API was found.
 */
public interface Tracing {

  /** A started span. */
  interface Span {
    /** Makes this span current on the calling thread until the scope is closed. */
    Scope makeCurrent();

    /** The record was written at {@code partition}/{@code offset}. */
    void sent(int partition, long offset);

    /** This attempt failed and the container will retry the event. */
    void retry(int attempt, Throwable error);

    /** The container gives up on the event and dead-letters it. */
    void deadLetter(Throwable error);

    /** Ends the span, with an error status if {@code error} is not null. */
    void end(Throwable error);
  }

  /** Closes what {@link Span#makeCurrent()} opened. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Does nothing, costs nothing. */
  Tracing NOOP = new Tracing() {
    @Override
    public Span startPublish(String topic, String eventType, String eventId, Headers headers) {
      return NOOP_SPAN;
    }

    @Override
    public Span startProcess(ConsumerRecord<?, ?> record, String group, String eventType, String eventId) {
      return NOOP_SPAN;
    }
  };

  /** The span of {@link #NOOP}. */
  Span NOOP_SPAN = new Span() {
    @Override
    public Scope makeCurrent() {
      return () -> { };
    }

    @Override
    public void sent(int partition, long offset) {}

    @Override
    public void retry(int attempt, Throwable error) {}

    @Override
    public void deadLetter(Throwable error) {}

    @Override
    public void end(Throwable error) {}
  };

  /**
   * A producer span for publishing to {@code topic}, child of the current context; writes the
   * W3C {@code traceparent} (and {@code tracestate}) of the new span into {@code headers}.
   */
  Span startPublish(String topic, String eventType, String eventId, Headers headers);

  /** A consumer span for handling {@code record}, continuing the trace its headers carry. */
  Span startProcess(ConsumerRecord<?, ?> record, String group, String eventType, String eventId);

  /**
   * Tracing through {@code openTelemetry} (an {@code io.opentelemetry.api.OpenTelemetry}; null:
   * {@code GlobalOpenTelemetry}) if the OpenTelemetry API is on the class path, else {@link #NOOP}.
   */
  static Tracing create(Object openTelemetry) {
    return OpenTelemetryPresence.PRESENT ? OtelTracing.create(openTelemetry) : NOOP;
  }

  /** Whether the OpenTelemetry API can be loaded, decided once. */
  final class OpenTelemetryPresence {
    static final boolean PRESENT = present();

    private OpenTelemetryPresence() {}

    private static boolean present() {
      try {
        Class.forName("io.opentelemetry.api.OpenTelemetry", false, Tracing.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false; // optional dependency absent: tracing is off, by design
      }
    }
  }
}
