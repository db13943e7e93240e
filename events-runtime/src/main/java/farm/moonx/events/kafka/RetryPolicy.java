package farm.moonx.events.kafka;

import farm.moonx.events.EventValidationException;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.spi.UnknownEventTypeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently a consumer retries a record whose handler failed: up to
 * {@link #maxAttempts()} deliveries, with exponential backoff and jitter between them.
 * Exceptions of a non-retryable class (anywhere in the cause chain) go to the dead-letter
 * topic at once; {@link MalformedEventException}, {@link UnknownEventTypeException} and
 * {@link EventValidationException} always are, since retrying cannot fix them.
 *
 * <p>The delay before delivery {@code n+1} is {@code min(maxDelay, initialDelay × multiplier^(n-1))},
 * spread uniformly by ±{@code jitter} (a fraction) and capped at {@code maxDelay}. The consumer
 * waits with the partition paused, so long delays neither block other partitions nor break
 * {@code max.poll.interval.ms}.
 *
 * <p><b>Pacing:</b> a delay is a lower bound. When it ends the partition is resumed, but the
 * consumer fetches it only once its fetch already in flight to the same broker (for the
 * partitions with nothing new) returns, and the broker holds that fetch up to the consumer's
 * {@code fetch.max.wait.ms} (Kafka's default: 500 ms). So on a quiet topic a delay shorter than
 * that really lasts up to about {@code fetch.max.wait.ms}. Where tighter pacing matters, lower it
 * with {@link EventConsumerConfig.Builder#property(String, Object)}, e.g.
 * {@code property("fetch.max.wait.ms", 50)}, at the price of more fetch requests from idle
 * consumers; the library keeps Kafka's default.
 */
public final class RetryPolicy {
  private static final List<Class<? extends Throwable>> ALWAYS_FATAL =
      List.of(MalformedEventException.class, UnknownEventTypeException.class, EventValidationException.class);

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;
  private final List<Class<? extends Throwable>> nonRetryable;

  private RetryPolicy(Builder b) {
    if (b.maxAttempts < 1) {
      throw new IllegalArgumentException("RetryPolicy: maxAttempts must be at least 1, got " + b.maxAttempts);
    }
    if (b.multiplier < 1.0 || b.jitter < 0.0 || b.jitter >= 1.0) {
      throw new IllegalArgumentException(
          "RetryPolicy: multiplier must be >= 1 and jitter in [0, 1), got " + b.multiplier + " and " + b.jitter);
    }
    if (b.initialDelay.isNegative() || b.maxDelay.compareTo(b.initialDelay) < 0) {
      throw new IllegalArgumentException("RetryPolicy: need 0 <= initialDelay <= maxDelay");
    }
    this.maxAttempts = b.maxAttempts;
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    List<Class<? extends Throwable>> all = new ArrayList<>(ALWAYS_FATAL);
    all.addAll(b.nonRetryable);
    this.nonRetryable = List.copyOf(all);
  }

  /** 3 attempts, 200 ms doubling up to 30 s, ±20% jitter. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** One attempt: a failed record goes straight to the dead-letter topic. */
  public static RetryPolicy noRetry() {
    return builder().maxAttempts(1).build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Deliveries of one record at most, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Whether {@code error} (or a cause of it) is of a non-retryable class. */
  public boolean isRetryable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<? extends Throwable> type : nonRetryable) {
        if (type.isInstance(t)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a record whose {@code attempt}-th delivery failed with {@code error} is tried again. */
  public boolean shouldRetry(Throwable error, int attempt) {
    return attempt < maxAttempts && isRetryable(error);
  }

  /**
   * The wait after the {@code attempt}-th failed delivery (1-based), with {@code random}
   * supplying a uniform number in [0, 1) for the jitter.
   */
  public Duration backoff(int attempt, DoubleSupplier random) {
    double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    base = Math.min(base, maxDelay.toMillis());
    double spread = base * jitter * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.round(Math.min(maxDelay.toMillis(), Math.max(0, base + spread))));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
        + ", multiplier=" + multiplier + ", jitter=" + jitter + ", nonRetryable="
        + nonRetryable.stream().map(Class::getSimpleName).toList() + "]";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private final List<Class<? extends Throwable>> nonRetryable = new ArrayList<>();

    private Builder() {}

    /** Deliveries at most, the first included (default 3; 1 = no retry). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The wait after the first failure (default 200 ms). */
    public Builder initialDelay(Duration delay) {
      this.initialDelay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /** The longest wait (default 30 s). */
    public Builder maxDelay(Duration delay) {
      this.maxDelay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /** The growth factor per failure (default 2). */
    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    /** The random spread as a fraction of the delay, in [0, 1) (default 0.2 = ±20%). */
    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    /** Exceptions that are dead-lettered at once, in addition to the built-in ones. */
    @SafeVarargs
    public final Builder nonRetryable(Class<? extends Throwable>... types) {
      for (Class<? extends Throwable> type : types) {
        nonRetryable.add(Objects.requireNonNull(type, "type"));
      }
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
