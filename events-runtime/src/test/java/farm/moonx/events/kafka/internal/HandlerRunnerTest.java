package farm.moonx.events.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler thread a worker hands its records to: a poll's records go over as one run, each
 * call within its own timeout, and a call deaf to interrupts is abandoned, not waited for.
 */
class HandlerRunnerTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  private final HandlerRunner runner = new HandlerRunner("test-handler");

  @AfterEach
  void close() {
    runner.close();
  }

  @Test
  void runsARunInOrderOnOneHandlerThread() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int n = i;
      tasks.add(() -> {
        threads.add(Thread.currentThread().getName());
        return n;
      });
    }

    HandlerRunner.Run<Integer> run = runner.callEach(tasks, i -> true, n -> true, TIMEOUT);

    assertThat(run.results()).hasSize(100).isSorted();
    assertThat(run.overran()).isFalse();
    assertThat(run.error()).isNull();
    assertThat(threads).containsExactly("test-handler");
  }

  @Test
  void eachCallHasItsOwnTimeoutSoALongRunOfQuickCallsIsNotCutShort() throws Exception {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      tasks.add(() -> {
        Thread.sleep(TIMEOUT.toMillis() / 3); // the run takes 3x one timeout
        return n;
      });
    }

    HandlerRunner.Run<Integer> run = runner.callEach(tasks, i -> true, n -> true, TIMEOUT);

    assertThat(run.overran()).isFalse();
    assertThat(run.results()).hasSize(10);
  }

  @Test
  void stopsAtACallThatOverrunsAndAbandonsItEvenIfItIgnoresTheInterrupt() throws Exception {
    List<Callable<String>> tasks = List.of(() -> "a", () -> "b", () -> {
      long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < until) {
        LockSupport.parkNanos(1_000_000); // deaf to interrupts
      }
      return "late";
    }, () -> "never");
    long start = System.nanoTime();

    HandlerRunner.Run<String> run = runner.callEach(tasks, i -> true, s -> true, TIMEOUT);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(run.overran()).isTrue();
    assertThat(run.results()).containsExactly("a", "b"); // the call at index 2 overran
    // The next run does not queue behind the hung thread.
    assertThat(runner.call(() -> "next", TIMEOUT)).isEqualTo("next");
  }

  @Test
  void stopsAfterAResultTheCallerRefusesAndBeforeACallItMayNotStart() throws Exception {
    List<Callable<String>> tasks = List.of(() -> "ok", () -> "retry", () -> "not run");
    assertThat(runner.callEach(tasks, i -> true, s -> s.equals("ok"), TIMEOUT).results())
        .containsExactly("ok", "retry");
    assertThat(runner.callEach(tasks, i -> i < 1, s -> true, TIMEOUT).results()).containsExactly("ok");
  }

  @Test
  void aCallThatThrowsEndsTheRunWithItsError() throws Exception {
    List<Callable<String>> tasks = List.of(() -> "ok", () -> {
      throw new IllegalArgumentException("boom");
    }, () -> "not run");

    HandlerRunner.Run<String> run = runner.callEach(tasks, i -> true, s -> true, TIMEOUT);

    assertThat(run.results()).containsExactly("ok");
    assertThat(run.error()).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
    assertThatThrownBy(() -> runner.call(() -> {
      Thread.sleep(5_000);
      return "late";
    }, TIMEOUT)).isInstanceOf(TimeoutException.class);
  }
  @Test
  void aHandoverStartsAtOnceAndRunsItsRunsInOrderWhileTheCallerGoesOn() throws Exception {
    CountDownLatch callerWentOn = new CountDownLatch(1);
    List<String> calls = new CopyOnWriteArrayList<>();
    List<Callable<String>> first = List.of(() -> {
      assertThat(callerWentOn.await(5, TimeUnit.SECONDS)).isTrue();
      calls.add("a1");
      return "a1";
    }, () -> {
      calls.add("a2");
      return "a2";
    });
    List<Callable<String>> second = List.of(() -> {
      calls.add("b1");
      return "b1";
    });

    HandlerRunner.Handover<String> handover = runner.start(List.of(first, second), i -> true, s -> true);
    assertThat(handover.done()).isFalse(); // the first call waits for this thread to go on
    callerWentOn.countDown();
    List<HandlerRunner.Run<String>> runs = runner.finish(handover, TIMEOUT);

    assertThat(runs).extracting(HandlerRunner.Run::results).containsExactly(List.of("a1", "a2"), List.of("b1"));
    assertThat(calls).containsExactly("a1", "a2", "b1");
  }

  @Test
  void aRefusedResultEndsOnlyItsOwnRunAndARefusedStartEndsTheHandover() throws Exception {
    List<Callable<String>> first = List.of(() -> "retry", () -> "skipped");
    List<Callable<String>> second = List.of(() -> "ok", () -> "ok too");

    List<HandlerRunner.Run<String>> runs =
        runner.finish(runner.start(List.of(first, second), i -> true, s -> s.startsWith("ok")), TIMEOUT);
    assertThat(runs).extracting(HandlerRunner.Run::results).containsExactly(List.of("retry"), List.of("ok", "ok too"));

    // Calls are counted across the runs: the third call is the second run's second one.
    runs = runner.finish(runner.start(List.of(List.of(() -> "a"), second), i -> i < 2, s -> true), TIMEOUT);
    assertThat(runs).extracting(HandlerRunner.Run::results).containsExactly(List.of("a"), List.of("ok"));
  }

  @Test
  void aCallThatOverrunsEndsTheHandoverAndTheRunsAfterItNeverStart() throws Exception {
    List<Callable<String>> first = List.of(() -> "a", () -> {
      Thread.sleep(5_000);
      return "late";
    });
    List<String> started = new CopyOnWriteArrayList<>();
    List<Callable<String>> second = List.of(() -> {
      started.add("b");
      return "b";
    });

    List<HandlerRunner.Run<String>> runs = runner.finish(runner.start(List.of(first, second), i -> true, s -> true), TIMEOUT);

    assertThat(runs.get(0).results()).containsExactly("a");
    assertThat(runs.get(0).overran()).isTrue();
    assertThat(runs.get(1).results()).isEmpty();
    assertThat(runs.get(1).overran()).isFalse();
    assertThat(runs.get(1).error()).isNull();
    assertThat(runner.call(() -> "next", TIMEOUT)).isEqualTo("next");
    assertThat(started).isEmpty();
  }
}
