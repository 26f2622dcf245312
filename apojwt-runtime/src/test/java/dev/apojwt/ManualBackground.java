package dev.apojwt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Background} a test drives: tasks to run now run on a thread of their own (so requests
 * can wait for a fetch, as with the real one); delayed tasks wait until the test has moved the
 * clock past their time and calls {@link #runDue()}. No test sleeps.
 */
final class ManualBackground implements Background {
  private final Keys.MovableClock clock;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "test-background");
            t.setDaemon(true);
            return t;
          });
  private final List<Scheduled> scheduled = new ArrayList<>();

  /** A delayed task. */
  static final class Scheduled {
    final Runnable task;
    final long due;
    final long delay;
    final CompletableFuture<Void> handle = new CompletableFuture<>();

    Scheduled(Runnable task, long due, long delay) {
      this.task = task;
      this.due = due;
      this.delay = delay;
    }
  }

  ManualBackground(Keys.MovableClock clock) {
    this.clock = clock;
  }

  @Override
  public void run(Runnable task) {
    thread.execute(task);
  }

  @Override
  public synchronized Future<?> runAfter(Runnable task, long delayMillis) {
    Scheduled s = new Scheduled(task, clock.millis() + delayMillis, delayMillis);
    scheduled.add(s);
    return s.handle;
  }

  /** The delay of the one task waiting (the next refresh), in milliseconds. */
  synchronized long nextDelay() {
    scheduled.removeIf(s -> s.handle.isCancelled());
    if (scheduled.size() != 1) {
      throw new AssertionError("waiting tasks: " + scheduled.size());
    }
    return scheduled.get(0).delay;
  }

  /** Runs the delayed tasks that are due, and waits until they and what they started are done. */
  void runDue() {
    List<Scheduled> due = new ArrayList<>();
    synchronized (this) {
      for (Scheduled s : List.copyOf(scheduled)) {
        if (!s.handle.isCancelled() && s.due <= clock.millis()) {
          scheduled.remove(s);
          due.add(s);
        }
      }
    }
    for (Scheduled s : due) {
      thread.execute(s.task);
    }
    settle();
  }

  /** Waits until every task given to run so far (and those they give) has run. */
  void settle() {
    try {
      for (int i = 0; i < 3; i++) {
        thread.submit(() -> {}).get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void stop() {
    thread.shutdownNow();
  }
}
