package farm.moonx.events.kafka.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one worker's record processing on a thread of its own, so the poll-loop thread can give
 * up on a handler that overruns its timeout while it still owns the partition (a hung call on
 * the poll thread would get the consumer evicted at {@code max.poll.interval.ms} before it
 * could count the attempt). A call that times out is interrupted; if its thread does not end,
 * it is abandoned (it is a daemon thread) and the next call gets a fresh one.
 *
 * <p>Records are handed over in runs, not one by one, so a healthy run costs two thread switches,
 * not two per record: {@link #callEach} hands one run over and waits for it; {@link #start}
 * hands over a poll's runs (one per partition) and returns at once, and {@link #finish} waits
 * for them later, each call within its own deadline.
 */
final class HandlerRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HandlerRunner.class);

  /**
   * What a run did: {@code results} of the calls that finished, in order; then, at index
   * {@code results.size()}, either the call that overran and was interrupted ({@code overran}),
   * or the call that threw {@code error}, or (neither) the call that {@code mayStart} refused or
   * none because every call finished or {@code goOn} stopped the run.
   */
  record Run<T>(List<T> results, boolean overran, RuntimeException error) {}

  private final String threadName;
  private ExecutorService executor;
  private volatile Future<?> current;

  HandlerRunner(String threadName) {
    this.threadName = threadName;
  }

  /**
   * {@code task}'s result, computed on the handler thread within {@code timeout}.
   *
   * @throws TimeoutException if it took longer (it was interrupted)
   * @throws InterruptedException if the calling thread was interrupted (the task was too)
   */
  <T> T call(Callable<T> task, Duration timeout) throws TimeoutException, InterruptedException {
    Run<T> run = callEach(List.of(task), i -> true, result -> true, timeout);
    if (run.overran()) {
      throw new TimeoutException();
    }
    if (run.error() != null) {
      throw run.error();
    }
    return run.results().get(0);
  }

  /**
   * Calls {@code tasks} in order on the handler thread, each within {@code timeout}: task
   * {@code i} starts only if {@code mayStart.test(i)}, and the run stops after a result that
   * {@code goOn} refuses, after a call that throws, or at a call that overruns its timeout (it is
   * interrupted).
   *
   * @throws InterruptedException if the calling thread was interrupted (the call in progress was too)
   */
  <T> Run<T> callEach(List<Callable<T>> tasks, IntPredicate mayStart, Predicate<T> goOn, Duration timeout)
      throws InterruptedException {
    return finish(start(List.of(tasks), mayStart, goOn), timeout).get(0);
  }

  /**
   * Starts {@code runs} on the handler thread, one after the other, and returns at once: call
   * {@link #finish} before the next hand-over. Call {@code i} of the whole hand-over (counting
   * across runs) starts only if {@code mayStart.test(i)}, else nothing more starts; a result that
   * {@code goOn} refuses ends its own run and the next run begins; a call that throws or overruns
   * ends the hand-over.
   */
  <T> Handover<T> start(List<List<Callable<T>>> runs, IntPredicate mayStart, Predicate<T> goOn) {
    if (executor == null) {
      executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, threadName);
        thread.setDaemon(true); // an abandoned, hung handler must not keep the JVM alive
        return thread;
      });
    }
    Progress<T> progress = new Progress<>(runs.size());
    Future<?> future = executor.submit(() -> progress.runAll(runs, mayStart, goOn));
    current = future;
    return new Handover<>(progress, future);
  }

  /**
   * Waits for {@code handover} to end, giving each call {@code timeout} from its start: one
   * {@link Run} per run given to {@link #start}, in order. A call past its timeout is
   * interrupted and abandoned (the runs after it do not start).
   *
   * @throws InterruptedException if the calling thread was interrupted (the call in progress was too)
   */
  <T> List<Run<T>> finish(Handover<T> handover, Duration timeout) throws InterruptedException {
    Progress<T> progress = handover.progress();
    Future<?> future = handover.future();
    long timeoutNanos = timeout.toNanos();
    try {
      while (true) {
        long started = progress.started();
        try {
          future.get(Math.max(0, started + timeoutNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
          return progress.finished();
        } catch (TimeoutException e) {
          List<Run<T>> beforeOverrun = progress.abandonIfStillAt(started, System.nanoTime() - timeoutNanos);
          if (beforeOverrun != null) {
            abandon(future);
            return beforeOverrun;
          }
          // another call started since: wait for its deadline
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // runAll catches what the tasks throw
    } catch (InterruptedException e) {
      abandon(future);
      throw e;
    } finally {
      current = null;
    }
  }

  /** Runs started on the handler thread and not yet finished ({@link #start}, {@link #finish}). */
  record Handover<T>(Progress<T> progress, Future<?> future) {
    /** Whether every call of it has ended (finishing it will not wait). */
    boolean done() {
      return future.isDone();
    }

    /** Whether its call in progress started more than {@code timeout} ago. */
    boolean overdue(Duration timeout) {
      return System.nanoTime() - progress.started() > timeout.toNanos();
    }
  }

  /** Interrupts the call in progress, if any (for a close that ran out of patience). */
  void interrupt() {
    Future<?> running = current;
    if (running != null) {
      running.cancel(true);
    }
  }

  private void abandon(Future<?> future) {
    future.cancel(true);
    // Its thread may ignore the interrupt: never queue the next record behind it.
    executor.shutdown();
    executor = null;
    log.warn("interrupted a handler on {} that overran its timeout; the next record gets a new thread", threadName);
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** A hand-over's state, shared by the handler thread (writing) and the poll thread (watching). */
  static final class Progress<T> {
    private final List<List<T>> results = new ArrayList<>();
    private final int runs;
    private RuntimeException error;
    private boolean inCall;
    private boolean abandoned;
    private volatile long started = System.nanoTime();

    Progress(int runs) {
      this.runs = runs;
    }

    long started() {
      return started;
    }

    void runAll(List<List<Callable<T>>> tasks, IntPredicate mayStart, Predicate<T> goOn) {
      int index = 0;
      for (List<Callable<T>> run : tasks) {
        List<T> done = new ArrayList<>(run.size());
        synchronized (this) {
          results.add(done);
        }
        for (Callable<T> task : run) {
          synchronized (this) {
            if (abandoned || !mayStart.test(index++)) {
              return;
            }
            inCall = true;
            started = System.nanoTime();
          }
          T result;
          try {
            result = task.call();
          } catch (Exception | Error e) {
            synchronized (this) {
              inCall = false;
              // the tasks declare no checked exception; an Error is handed over like the rest
              error = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            return;
          }
          synchronized (this) {
            inCall = false;
            if (abandoned) {
              return; // the poll thread already gave up on this call
            }
            done.add(result);
          }
          if (!goOn.test(result)) {
            break;
          }
        }
      }
    }

    /**
     * Gives up on the call in progress if it is still the one that started at {@code started}
     * and that was before {@code deadlineStart}: returns the runs up to it, else null.
     */
    synchronized List<Run<T>> abandonIfStillAt(long started, long deadlineStart) {
      if (!inCall || this.started != started || started - deadlineStart > 0) {
        return null;
      }
      abandoned = true;
      return runs(true, null);
    }

    synchronized List<Run<T>> finished() {
      return runs(false, error);
    }

    /** One run per run handed over; the last one begun ended by {@code overran} or {@code error}. */
    private List<Run<T>> runs(boolean overran, RuntimeException error) {
      List<Run<T>> out = new ArrayList<>(runs);
      for (int i = 0; i < runs; i++) {
        boolean last = i == results.size() - 1;
        out.add(i < results.size()
            ? new Run<>(List.copyOf(results.get(i)), last && overran, last ? error : null)
            : new Run<>(List.of(), false, null));
      }
      return out;
    }
  }
}
