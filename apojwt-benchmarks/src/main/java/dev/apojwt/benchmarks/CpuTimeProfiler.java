package dev.apojwt.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The CPU time the benchmark's own threads spend per operation ({@code cpu.time.norm}, ns/op),
 * beside JMH's wall-clock time: on a machine shared with other work, wall-clock time also counts
 * the time a benchmark thread waits for a core, and two measurements taken a minute apart see
 * different machines; the thread's CPU time does not count the waiting. It does not count the
 * garbage collector's threads either, so the allocation per call (the GC profiler's {@code
 * gc.alloc.rate.norm}) is to be read beside it. Use: {@code -prof
 * dev.apojwt.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private static final String WORKER = "-jmh-worker-";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private Map<Long, Long> atStart = Map.of();

  @Override
  public String getDescription() {
    return "CPU time of the benchmark threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    atStart = workerCpuTimes();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long cpu = 0;
    for (Map.Entry<Long, Long> worker : workerCpuTimes().entrySet()) {
      cpu += worker.getValue() - atStart.getOrDefault(worker.getKey(), 0L);
    }
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("cpu.time.norm", (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
  }

  /** The CPU time so far of each of JMH's worker threads, by thread id. */
  private Map<Long, Long> workerCpuTimes() {
    Map<Long, Long> times = new HashMap<>();
    for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (thread != null && thread.getThreadName().contains(WORKER)) {
        long time = threads.getThreadCpuTime(thread.getThreadId());
        if (time >= 0) {
          times.put(thread.getThreadId(), time);
        }
      }
    }
    return times;
  }
}
