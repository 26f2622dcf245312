package dev.apojwt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where a {@link RemoteKeySet} runs its fetches: one daemon thread of its own ({@link #daemon}), so
 * that no request thread ever waits on the network after the first set arrived (a request that
 * names an unknown {@code kid} waits for the fetch it triggered, with a bound, but does not make
 * it). Tests give one that they drive by a clock of their own.
 */
interface Background {
  /** Runs {@code task} soon, on the background thread. */
  void run(Runnable task);

  /** Runs {@code task} after {@code delayMillis}; the returned future cancels it. */
  Future<?> runAfter(Runnable task, long delayMillis);

  /** Stops: nothing queued runs any more. */
  void stop();

  /** A single daemon thread named {@code name}, started with the first task. */
  static Background daemon(String name) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return new Background() {
      @Override
      public void run(Runnable task) {
        try {
          executor.execute(task);
        } catch (RejectedExecutionException stopped) {
          // Stopped: nothing runs any more.
        }
      }

      @Override
      public Future<?> runAfter(Runnable task, long delayMillis) {
        try {
          return executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
          return CompletableFuture.completedFuture(null);
        }
      }

      @Override
      public void stop() {
        executor.shutdownNow();
      }
    };
  }
}
