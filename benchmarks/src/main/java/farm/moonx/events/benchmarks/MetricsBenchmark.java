package farm.moonx.events.benchmarks;

import farm.moonx.events.internal.EventMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the runtime's meters cost per handled event when a {@link MeterRegistry} is configured:
 * {@link EventMetrics#processed} (one counter increment and one timer record, tagged with the
 * event type), which the consumer calls once per record, against the same two meters
 * registered once up front and recorded directly (Micrometer's own cost, the floor).
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MetricsBenchmark {
  private static final String TYPE = "payment.processed";
  private static final Duration TIME = Duration.ofNanos(12_345);

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final EventMetrics metrics = EventMetrics.of(registry);
  private final Counter processed = Counter.builder(EventMetrics.PROCESSED)
      .tag(EventMetrics.TAG_EVENT_TYPE, TYPE).register(registry);
  private final Timer processingTime = Timer.builder(EventMetrics.PROCESSING_TIME)
      .tag(EventMetrics.TAG_EVENT_TYPE, TYPE).register(registry);

  /** The runtime's call per handled record. */
  @Benchmark
  public void processed() {
    metrics.processed(TYPE, TIME);
  }

  /** Baseline: the same two meters, registered once, recorded directly. */
  @Benchmark
  public void preRegistered() {
    processed.increment();
    processingTime.record(TIME);
  }
}
