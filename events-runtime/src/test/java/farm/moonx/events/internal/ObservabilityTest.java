package farm.moonx.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.EventMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ObservabilityTest {
  private static final EventMetadata OUTER = EventMetadata.builder().eventId("e-1").eventType("payment.processed")
      .correlationId("c-1").causationId("x-0").build();
  private static final EventMetadata INNER = EventMetadata.builder().eventId("e-2").eventType("invoice.created")
      .correlationId("c-1").build();

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void metricsCountPerEventTypeAndReason() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventMetrics metrics = EventMetrics.of(registry);
    metrics.published("payment.processed");
    metrics.published("payment.processed");
    metrics.published("invoice.created");
    metrics.publishFailed("payment.processed", new IllegalStateException("x"));
    metrics.publishLatency("payment.processed", Duration.ofMillis(12));
    metrics.processed("payment.processed", Duration.ofMillis(30));
    metrics.processingFailed("payment.processed", new RuntimeException());
    metrics.retried("payment.processed");
    metrics.deadLettered("payment.processed", "malformed");
    metrics.skipped(null, "unknown-type");

    assertThat(registry.get(EventMetrics.PUBLISHED).tag("event.type", "payment.processed").counter().count()).isEqualTo(2);
    assertThat(registry.get(EventMetrics.PUBLISHED).tag("event.type", "invoice.created").counter().count()).isEqualTo(1);
    assertThat(registry.get(EventMetrics.PUBLISH_FAILED).tag("exception", "IllegalStateException").counter().count()).isEqualTo(1);
    assertThat(registry.get(EventMetrics.PUBLISH_LATENCY).timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12);
    assertThat(registry.get(EventMetrics.PROCESSED).counter().count()).isEqualTo(1);
    assertThat(registry.get(EventMetrics.PROCESSING_TIME).tag("event.type", "payment.processed").timer().count()).isEqualTo(1);
    assertThat(registry.get(EventMetrics.PROCESSING_FAILED).tag("exception", "RuntimeException").counter().count()).isEqualTo(1);
    assertThat(registry.get(EventMetrics.RETRIED).counter().count()).isEqualTo(1);
    assertThat(registry.get(EventMetrics.DEAD_LETTERED).tag("reason", "malformed").counter().count()).isEqualTo(1);
    assertThat(registry.get(EventMetrics.SKIPPED).tags("event.type", "unknown", "reason", "unknown-type").counter().count())
        .isEqualTo(1);
    assertThat(metrics.isEnabled()).isTrue();
  }

  @Test
  void metersRegisteredOnceStillKeepEverySeriesApartAcrossThreads() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventMetrics metrics = EventMetrics.of(registry);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(threads.submit(() -> {
          for (int i = 0; i < 2_500; i++) {
            metrics.processed(i % 2 == 0 ? "payment.processed" : "invoice.created", Duration.ofNanos(1));
            metrics.processingFailed("payment.processed", i % 5 == 0 ? new IllegalStateException() : new RuntimeException());
          }
        }));
      }
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    metrics.publishFailed("payment.processed", new IllegalStateException());

    assertThat(registry.get(EventMetrics.PROCESSED).tag("event.type", "payment.processed").counter().count()).isEqualTo(5_000);
    assertThat(registry.get(EventMetrics.PROCESSED).tag("event.type", "invoice.created").counter().count()).isEqualTo(5_000);
    assertThat(registry.get(EventMetrics.PROCESSING_TIME).tag("event.type", "invoice.created").timer().count()).isEqualTo(5_000);
    assertThat(registry.get(EventMetrics.PROCESSING_FAILED).tag("exception", "IllegalStateException").counter().count())
        .isEqualTo(2_000);
    assertThat(registry.get(EventMetrics.PROCESSING_FAILED).tag("exception", "RuntimeException").counter().count())
        .isEqualTo(8_000);
    assertThat(registry.get(EventMetrics.PUBLISH_FAILED).tag("exception", "IllegalStateException").counter().count())
        .isEqualTo(1);
    assertThat(registry.getMeters()).hasSize(7);
  }

  @Test
  void noopMetricsRecordNothingAndAcceptEveryCall() {
    EventMetrics noop = EventMetrics.noop();
    noop.published("a.b");
    noop.publishFailed("a.b", null);
    noop.publishLatency("a.b", Duration.ZERO);
    noop.processed("a.b", Duration.ZERO);
    noop.processingFailed("a.b", new RuntimeException());
    noop.retried("a.b");
    noop.deadLettered("a.b", "r");
    noop.skipped("a.b", "r");
    assertThat(noop.isEnabled()).isFalse();
  }

  @Test
  void mdcHoldsTheIdsDuringTheScopeAndRestoresAfter() {
    MDC.put("eventId", "before");
    MDC.put("unrelated", "kept");
    EventMdc.Scope outer = EventMdc.open(OUTER);
    try {
      assertThat(MDC.get("eventId")).isEqualTo("e-1");
      assertThat(MDC.get("eventType")).isEqualTo("payment.processed");
      assertThat(MDC.get("correlationId")).isEqualTo("c-1");
      assertThat(MDC.get("causationId")).isEqualTo("x-0");
      EventMdc.Scope inner = EventMdc.open(INNER);
      assertThat(MDC.get("eventId")).isEqualTo("e-2");
      assertThat(MDC.get("eventType")).isEqualTo("invoice.created");
      assertThat(MDC.get("causationId")).as("absent in the inner event").isNull();
      inner.close();
      assertThat(MDC.get("eventId")).isEqualTo("e-1");
      assertThat(MDC.get("causationId")).isEqualTo("x-0");
      inner.close(); // idempotent: a second close does not undo the enclosing scope
      assertThat(MDC.get("eventId")).isEqualTo("e-1");
    } finally {
      outer.close();
    }
    assertThat(MDC.get("eventId")).isEqualTo("before");
    assertThat(MDC.get("eventType")).isNull();
    assertThat(MDC.get("correlationId")).isNull();
    assertThat(MDC.get("causationId")).isNull();
    assertThat(MDC.get("unrelated")).isEqualTo("kept");
  }
}
