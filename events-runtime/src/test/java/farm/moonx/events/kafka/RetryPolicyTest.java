package farm.moonx.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.EventValidationException;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.spi.UnknownEventTypeException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMillis(100))
      .maxDelay(Duration.ofSeconds(1)).multiplier(2).jitter(0.25).build();

  @Test
  void backoffGrowsExponentiallyUpToTheMaximum() {
    // random 0.5 means no jitter at all
    assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(a -> policy.backoff(a, () -> 0.5).toMillis()))
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
  }

  @Test
  void jitterSpreadsTheDelayWithinItsBoundsAndNeverAboveTheMaximum() {
    assertThat(policy.backoff(2, () -> 0.0)).isEqualTo(Duration.ofMillis(150));
    assertThat(policy.backoff(2, () -> 0.999_999)).isEqualTo(Duration.ofMillis(250));
    assertThat(policy.backoff(5, () -> 0.999_999)).isEqualTo(Duration.ofSeconds(1));

    SplittableRandom random = new SplittableRandom(42);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 10_000; i++) {
      long millis = policy.backoff(3, random::nextDouble).toMillis();
      min = Math.min(min, millis);
      max = Math.max(max, millis);
    }
    assertThat(min).isBetween(300L, 310L); // 400 ms ± 25 %, and actually spread
    assertThat(max).isBetween(490L, 500L);
  }

  @Test
  void stopsAfterMaxAttemptsAndNeverRetriesWhatRetryingCannotFix() {
    RuntimeException transientError = new IllegalStateException("timeout");
    assertThat(policy.shouldRetry(transientError, 4)).isTrue();
    assertThat(policy.shouldRetry(transientError, 5)).isFalse();

    assertThat(policy.isRetryable(new MalformedEventException("bad", 3))).isFalse();
    assertThat(policy.isRetryable(new UnknownEventTypeException("x.y"))).isFalse();
    assertThat(policy.isRetryable(new EventValidationException("x.y", List.of("data.a: missing")))).isFalse();
  }

  @Test
  void nonRetryableClassesAreFoundInTheCauseChain() {
    RetryPolicy strict = RetryPolicy.builder().nonRetryable(IllegalArgumentException.class).build();

    assertThat(strict.isRetryable(new RuntimeException("wrapped", new IllegalArgumentException("bad id")))).isFalse();
    assertThat(strict.isRetryable(new NumberFormatException("subclass"))).isFalse();
    assertThat(strict.isRetryable(new IllegalStateException("other"))).isTrue();
    assertThat(RetryPolicy.noRetry().shouldRetry(new IllegalStateException("x"), 1)).isFalse();
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts must be at least 1");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter in [0, 1)");
    assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay <= maxDelay");
  }
}
