package uk.patrolcast.ingest;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's account of where the process spent its CPU time over an interval, by kind of
 * thread: Java threads by name (ingest's readers and publisher, the producer's I/O thread, the rest:
 * the in-process broker and registry), the JIT compilers and the garbage collector from
 * {@code /proc/self/task} (Linux; they are not Java threads), and what is left (other JVM threads,
 * threads that ended between samples). Call {@link #sample()} often enough that short-lived threads
 * are seen.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long processStart = processNanos();
  private final Map<Long, Long> javaStart = new HashMap<>();
  private final Map<Long, Long> javaLatest = new HashMap<>();
  private final Map<Long, String> javaNames = new HashMap<>();
  private final Map<String, Long> nativeStart = nativeByKind();

  ThreadCpu() {
    for (long id : THREADS.getAllThreadIds()) {
      long cpu = THREADS.getThreadCpuTime(id);
      if (cpu >= 0) {
        javaStart.put(id, cpu);
      }
    }
    sample();
  }

  /** Notes the CPU time of every live Java thread. */
  void sample() {
    long[] ids = THREADS.getAllThreadIds();
    ThreadInfo[] infos = THREADS.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = THREADS.getThreadCpuTime(ids[i]);
      if (cpu >= 0 && infos[i] != null) {
        javaLatest.put(ids[i], cpu);
        javaNames.put(ids[i], infos[i].getThreadName());
      }
    }
  }

  /** Seconds of CPU by kind since construction, with the process total first. */
  Map<String, Double> seconds() {
    sample();
    Map<String, Double> out = new LinkedHashMap<>();
    double total = (processNanos() - processStart) / 1e9;
    out.put("process", total);
    Map<String, Double> java = new LinkedHashMap<>();
    java.put("ingest read threads", 0.0);
    java.put("ingest publishing thread", 0.0);
    java.put("producer I/O thread", 0.0);
    java.put("broker, registry, other Java threads", 0.0);
    javaLatest.forEach((id, cpu) -> java.merge(javaKind(javaNames.get(id)), (cpu - javaStart.getOrDefault(id, 0L)) / 1e9, Double::sum));
    out.putAll(java);
    Map<String, Long> nativeEnd = nativeByKind();
    double jit = (nativeEnd.getOrDefault("jit", 0L) - nativeStart.getOrDefault("jit", 0L)) / 1e9;
    double gc = (nativeEnd.getOrDefault("gc", 0L) - nativeStart.getOrDefault("gc", 0L)) / 1e9;
    out.put("JIT compiler threads", jit);
    out.put("GC threads", gc);
    double known = java.values().stream().mapToDouble(Double::doubleValue).sum() + jit + gc;
    out.put("other (VM threads, threads ended between samples)", Math.max(0, total - known));
    return out;
  }

  private static String javaKind(String name) {
    if (name.startsWith("patrolcast-ingest-read")) {
      return "ingest read threads";
    }
    if (name.equals("patrolcast-ingest")) {
      return "ingest publishing thread";
    }
    if (name.equals("kafka-producer-network-thread | patrolcast-ingest")) {
      return "producer I/O thread";
    }
    return "broker, registry, other Java threads";
  }

  /** CPU nanoseconds of the JIT compiler and GC threads, from /proc (empty elsewhere than Linux). */
  private static Map<String, Long> nativeByKind() {
    Map<String, Long> out = new HashMap<>();
    long tick = 10_000_000L; // USER_HZ is 100 on Linux
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String comm = stat.substring(stat.indexOf('(') + 1, close);
          String[] f = stat.substring(close + 2).split(" ");
          long nanos = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick; // utime, stime (fields 14 and 15)
          String kind = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? "jit"
              : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "gc" : null;
          if (kind != null) {
            out.merge(kind, nanos, Long::sum);
          }
        } catch (IOException | RuntimeException e) {
          // a thread that ended meanwhile
        }
      });
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static long processNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
