package farm.moonx.events.kafka.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * {@link Tracing} over the OpenTelemetry API, named and attributed per the OpenTelemetry
 * messaging semantic conventions ({@code send <topic>} / {@code process <topic>}). The wire
 * format is always W3C Trace Context, the one the TypeScript services' kafkajs propagate,
 * whatever propagators the application configured. Exception messages are never recorded:
 * they may quote event data; the error's class is.
 */
final class OtelTracing implements Tracing {
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
  static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("moonx.event.type");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("moonx.attempt");

  private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> EventRecords.put(headers, key, value);

  private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers headers) {
      List<String> keys = new ArrayList<>();
      for (Header header : headers) {
        keys.add(header.key());
      }
      return keys;
    }

    @Override
    public String get(Headers headers, String key) {
      Header header = headers == null ? null : headers.lastHeader(key);
      return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator = W3CTraceContextPropagator.getInstance();

  private OtelTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("farm.moonx.events");
  }

  static Tracing create(Object openTelemetry) {
    return new OtelTracing(openTelemetry != null ? (OpenTelemetry) openTelemetry : GlobalOpenTelemetry.get());
  }

  @Override
  public Span startPublish(String topic, String eventType, String eventId, Headers headers) {
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder("send " + topic).setSpanKind(SpanKind.PRODUCER)
        .setAttribute(SYSTEM, "kafka").setAttribute(OPERATION_NAME, "send").setAttribute(OPERATION_TYPE, "send")
        .setAttribute(DESTINATION, topic).setAttribute(MESSAGE_ID, eventId).setAttribute(EVENT_TYPE, eventType)
        .startSpan();
    propagator.inject(Context.current().with(span), headers, SETTER);
    return new OtelSpan(span);
  }

  @Override
  public Span startProcess(ConsumerRecord<?, ?> record, String group, String eventType, String eventId) {
    Context parent = propagator.extract(Context.root(), record.headers(), GETTER);
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder("process " + record.topic()).setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(SYSTEM, "kafka").setAttribute(OPERATION_NAME, "process").setAttribute(OPERATION_TYPE, "process")
        .setAttribute(DESTINATION, record.topic()).setAttribute(PARTITION, Integer.toString(record.partition()))
        .setAttribute(OFFSET, record.offset()).setAttribute(GROUP, group).setAttribute(MESSAGE_ID, eventId)
        .setAttribute(EVENT_TYPE, eventType)
        .startSpan();
    return new OtelSpan(span);
  }

  private record OtelSpan(io.opentelemetry.api.trace.Span span) implements Span {
    @Override
    public Scope makeCurrent() {
      return span.makeCurrent()::close;
    }

    @Override
    public void sent(int partition, long offset) {
      span.setAttribute(PARTITION, Integer.toString(partition));
      span.setAttribute(OFFSET, offset);
    }

    @Override
    public void retry(int attempt, Throwable error) {
      span.addEvent("moonx.retry", Attributes.of(ATTEMPT, (long) attempt, ERROR_TYPE, error.getClass().getName()));
    }

    @Override
    public void deadLetter(Throwable error) {
      span.addEvent("moonx.dead_letter", Attributes.of(ERROR_TYPE, error.getClass().getName()));
    }

    @Override
    public void end(Throwable error) {
      if (error != null) {
        span.setAttribute(ERROR_TYPE, error.getClass().getName());
        span.setStatus(StatusCode.ERROR, error.getClass().getName());
      }
      span.end();
    }
  }
}
