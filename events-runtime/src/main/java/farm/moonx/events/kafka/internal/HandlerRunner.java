package farm.moonx.events.kafka.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one worker's record processing on a thread of its own, so the poll-loop thread can give
 * up on a handler that overruns its timeout while it still owns the partition (a hung call on
 * the poll thread would get the consumer evicted at {@code max.poll.interval.ms} before it
 * could count the attempt). A call that times out is interrupted; if its thread does not end,
 * it is abandoned (it is a daemon thread) and the next call gets a fresh one.
 */
final class HandlerRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HandlerRunner.class);

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
    if (executor == null) {
      executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, threadName);
        thread.setDaemon(true); // an abandoned, hung handler must not keep the JVM alive
        return thread;
      });
    }
    Future<T> future = executor.submit(task);
    current = future;
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause); // process() declares no checked exception
    } catch (TimeoutException e) {
      abandon(future);
      throw e;
    } catch (InterruptedException e) {
      abandon(future);
      throw e;
    } finally {
      current = null;
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
}
