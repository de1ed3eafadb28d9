package uk.patrolcast.features.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.features.stream.SnapshotReadyWatcher;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.files.FileTree;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * Benchmark of the feature stream on a fresh local stack (real broker, registry, exactly-once):
 *
 * <ol>
 *   <li><b>Replay</b>: ~1M ingest-shaped records over the first months (each month's records and its
 *       MonthClosed in one transaction, as ingest publishes them) are on the topics before the
 *       service starts; reported: records per second from the service's start to the last replay
 *       month's committed SnapshotReady (startup included), and from its first record read; the time to
 *       the first month's SnapshotReady; every 2 s, the records read and the months closed and complete.
 *   <li><b>Live</b>: the remaining months are published one at a time into the caught-up service;
 *       reported: the time from each month's MonthClosed being committed to its SnapshotReady being
 *       readable (read-committed), which includes counting that month's records.
 * </ol>
 *
 * <pre>
 * mvn -q -pl launcher -am package -DskipTests
 * java -Xmx3g -cp 'launcher/target/lib/*' uk.patrolcast.features.bench.FeatureBench --data ../shared/data
 * </pre>
 *
 * Options: {@code --data DIR} (London's 4,994 LSOAs from DIR/lookups; without it a synthetic grid),
 * {@code --records N} (default 1,022,291, the source's row count), {@code --months N} (159),
 * {@code --live N} (12), {@code --threads N} (stream threads, 2), {@code --commit-ms N} (200),
 * {@code --records-store rocksdb|memory} (rocksdb: {@code features.records.store}),
 * {@code --count-flush-ms N} (200: {@code features.count.flush.ms}),
 * {@code --passes N} (1: the whole run N times in this JVM, each into a fresh stack and service, so that
 * the later passes show the steady state of compiled code, as JMH warms up before it measures),
 * {@code --json FILE} (also write the figures as JSON).
 */
public final class FeatureBench {
  private FeatureBench() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception e) {
      System.err.println("FeatureBench failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    // Ends even if a broker or client thread was left behind by a failed close (once seen: the
    // benchmark's main had ended and the JVM stayed up with a broker, its output lost).
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int months = Integer.parseInt(opts.getOrDefault("months", "159"));
    int live = Integer.parseInt(opts.getOrDefault("live", "12"));
    long records = Long.parseLong(opts.getOrDefault("records", "1022291"));
    YearMonth first = Months.parse(opts.getOrDefault("first", "2010-12"));
    List<LsoaProfile> areas = areas(opts.get("data"));
    SyntheticCrimes crimes = new SyntheticCrimes(areas, (double) records / months, 7);
    System.out.printf("feature-stream benchmark: %d areas, %d months (%d replayed, %d live), ~%,d records%n",
        areas.size(), months, months - live, live, records);

    passes("FeatureBench", opts, () -> pass(opts, areas, crimes, months, live, first));
  }

  /** One pass of a benchmark: its figures. */
  public interface Pass {
    Map<String, Object> run() throws Exception;
  }

  /**
   * Runs {@code --passes} passes in this JVM (the first cold, the later ones warm), then prints the
   * figures as JSON (the first pass's at the top, every pass's under "passes") and writes them to
   * {@code --json} when given.
   */
  public static void passes(String name, Map<String, String> opts, Pass pass) throws Exception {
    int passes = Integer.parseInt(opts.getOrDefault("passes", "1"));
    if (passes < 1) {
      throw new IllegalArgumentException("--passes needs at least 1");
    }
    List<Map<String, Object>> all = new ArrayList<>();
    for (int i = 1; i <= passes; i++) {
      if (passes > 1) {
        System.out.printf("%s pass %d of %d (%s)%n", name, i, passes,
            i == 1 ? "cold JVM" : "warm JVM: code compiled by the passes before; a fresh stack and service");
      }
      all.add(pass.run());
    }
    Map<String, Object> figures = new LinkedHashMap<>(all.get(0));
    if (passes > 1) {
      figures.put("passes", all);
    }
    System.out.println(HttpApi.JSON.writeValueAsString(figures));
    if (opts.containsKey("json")) {
      HttpApi.JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of(opts.get("json")).toFile(), figures);
    }
  }

  /** One replay and live run into a fresh local stack and service; its figures. */
  private static Map<String, Object> pass(Map<String, String> opts, List<LsoaProfile> areas, SyntheticCrimes crimes, int months, int live,
      YearMonth first) throws Exception {
    Path state = Files.createTempDirectory("patrolcast-feature-bench-");
    Map<String, Object> figures;
    try (ProvisionedStack provisioned = new ProvisionedStack()) {
      long replayed = publishReplay(provisioned, areas, crimes, months - live, first);
      figures = measureReplay(provisioned, state, opts, replayed, first, first.plusMonths(months - live - 1),
          (readyNanos, out) -> liveMonths(provisioned, areas, crimes, first, months - live, months, readyNanos, out));
    } finally {
      FileTree.deleteQuietly(state);
    }
    figures.put("areas", areas.size());
    return figures;
  }

  /** What runs after the replay while the service still runs: sees every SnapshotReady's arrival time by {@code month#revision}. */
  public interface AfterReplay {
    void run(Map<String, Long> readyNanos, Map<String, Object> figures) throws Exception;
  }

  /**
   * Starts the feature service on what is already on the stack's topics ({@code replayed} records
   * of the months {@code first..last}, each closed) and times it to {@code last}'s SnapshotReady;
   * prints the figures and returns them, with the process's heap and peak RSS after {@code after}.
   * The one measurement of the replay, whoever published its inputs (synthetic here; ingest over the
   * real files in the launcher's {@code RealFeatureBench}).
   */
  public static Map<String, Object> measureReplay(ProvisionedStack provisioned, Path state, Map<String, String> opts, long replayed,
      YearMonth first, YearMonth last, AfterReplay after) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    LocalStack stack = provisioned.stack;
    SchemaRegistryClient registry = provisioned.registry;
    Map<String, Long> readyNanos = new ConcurrentHashMap<>();
    Map<String, Object> settings = serviceSettings(provisioned, state, opts);
    String lastReplay = Months.format(last);
    try (SnapshotReadyWatcher watcher = SnapshotReadyWatcher.start(stack.bootstrapServers(), registry, "feature-bench-watch",
            r -> readyNanos.putIfAbsent(r.getMonth() + "#" + r.getRevision(), System.nanoTime()));
        FeatureService service = new FeatureService(new FeatureConfig(settings))) {
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      service.start();
      long nextReport = start + 2_000_000_000L;
      while (!readyNanos.containsKey(lastReplay + "#1")) {
        Thread.sleep(50);
        if (System.nanoTime() >= nextReport) {
          nextReport += 2_000_000_000L;
          Map<String, Object> s = service.status();
          System.out.printf("  %5.1f s: %,d records read, %s months closed, %s complete, %s profiles%n", (System.nanoTime() - start) / 1e9,
              s.get("records"), s.get("closedMonths"), s.get("completeMonths"), s.get("universeSize"));
        }
        if (System.nanoTime() - start > 30L * 60 * 1_000_000_000L) {
          throw new IllegalStateException("Replay did not finish in 30 minutes");
        }
      }
      double replaySeconds = (readyNanos.get(lastReplay + "#1") - start) / 1e9;
      // When the first month was ready: months should complete while the replay runs, not all at its end.
      Long firstReady = readyNanos.get(Months.format(first) + "#1");
      double firstReadySeconds = firstReady == null ? Double.NaN : (firstReady - start) / 1e9;
      double replayCpu = (processCpuNanos() - cpuStart) / 1e9;
      double streamCpu = streamThreadCpuNanos() / 1e9;
      double replayRate = replayed / replaySeconds;
      System.out.printf("Replay: %,d records through the topology in %.1f s = %,.0f records/s (from service start;"
          + " %,.0f records/s from the first record read)%n", replayed, replaySeconds, replayRate, service.recordsPerSecond());
      figures.put("replay_records", replayed);
      figures.put("replay_seconds", round(replaySeconds));
      figures.put("replay_records_per_s", Math.round(replayRate));
      figures.put("replay_records_per_s_from_first_record", Math.round(service.recordsPerSecond()));
      System.out.printf("First month's SnapshotReady %.1f s after the service start (the last one's %.1f s)%n", firstReadySeconds, replaySeconds);
      figures.put("first_month_ready_s", round(firstReadySeconds));
      // CPU actually used, so that a figure taken on a busy shared machine can be read: the whole
      // process (broker, registry, service) and the stream threads alone.
      System.out.printf("Replay CPU: %.1f s for the whole process (broker included), %.1f s in the stream threads"
          + " (%,.0f records per stream-thread CPU second); load average %.1f on %d cores%n", replayCpu, streamCpu,
          replayed / streamCpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      figures.put("replay_process_cpu_s", round(replayCpu));
      figures.put("replay_stream_thread_cpu_s", round(streamCpu));
      figures.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      after.run(readyNanos, figures);
    }
    long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    figures.put("heap_used_mb_at_end", heapMb);
    figures.put("peak_rss_mb", peakRssMb());
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    return figures;
  }

  /** Months {@code from..to-1} published one at a time into the caught-up service: MonthClosed -> SnapshotReady. */
  private static void liveMonths(ProvisionedStack provisioned, List<LsoaProfile> areas, SyntheticCrimes crimes, YearMonth first, int from,
      int to, Map<String, Long> readyNanos, Map<String, Object> figures) throws Exception {
    List<Double> latencies = new ArrayList<>();
    long liveRecords = 0;
    try (InputPublisher in = new InputPublisher(provisioned.bootstrap(), provisioned.registry, "feature-bench-live")) {
      for (int i = from; i < to; i++) {
        String m = Months.format(first.plusMonths(i));
        List<CrimeRecord> month = crimes.month(first.plusMonths(i));
        liveRecords += month.size();
        in.month(month, CrimeRecords.closing(m, 1, month, areas.size()));
        long closed = System.nanoTime();
        while (!readyNanos.containsKey(m + "#1")) {
          Thread.sleep(5);
          if (System.nanoTime() - closed > 120_000_000_000L) {
            throw new IllegalStateException("No SnapshotReady for " + m + " within 120 s");
          }
        }
        double seconds = (readyNanos.get(m + "#1") - closed) / 1e9;
        latencies.add(seconds);
        System.out.printf("  live month %s: %,d records, MonthClosed -> SnapshotReady %.3f s%n", m, month.size(), seconds);
      }
    }
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    if (!sorted.isEmpty()) {
      System.out.printf("Live: %d months, MonthClosed -> SnapshotReady median %.3f s, max %.3f s%n",
          sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
      figures.put("live_months", sorted.size());
      figures.put("live_records", liveRecords);
      figures.put("closed_to_ready_s_median", round(sorted.get(sorted.size() / 2)));
      figures.put("closed_to_ready_s_max", round(sorted.get(sorted.size() - 1)));
      figures.put("closed_to_ready_s", latencies.stream().map(FeatureBench::round).toList());
    }
  }

  /** The feature service's settings on the stack, in run mode, with the benchmark's thread count and commit interval. */
  static Map<String, Object> serviceSettings(ProvisionedStack provisioned, Path state, Map<String, String> opts) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", provisioned.bootstrap());
    settings.put("schema.registry.url", provisioned.registryUrl());
    settings.put("state.dir", state.toString());
    settings.put(FeatureConfig.MODE, "run");
    settings.put(FeatureConfig.STREAM_THREADS, opts.getOrDefault("threads", "2"));
    settings.put(FeatureConfig.COMMIT_INTERVAL_MS, opts.getOrDefault("commit-ms", "200"));
    settings.put(FeatureConfig.RECORDS_STORE, opts.getOrDefault("records-store", "rocksdb"));
    settings.put(FeatureConfig.COUNT_FLUSH_MS, opts.getOrDefault("count-flush-ms", "200"));
    return settings;
  }

  /** London's 4,994 LSOAs from DIR/lookups when {@code data} has them, else a synthetic grid of as many. */
  static List<LsoaProfile> areas(String data) throws java.io.IOException {
    return data != null && Files.isDirectory(Path.of(data, "lookups"))
        ? Universes.london(Path.of(data), 42) : Universes.grid(4994, 42);
  }

  /**
   * The profiles, then the records of the first {@code months} months, each month with its MonthClosed
   * in one transaction (as ingest publishes them); returns the number of records.
   */
  static long publishReplay(ProvisionedStack provisioned, List<LsoaProfile> areas, SyntheticCrimes crimes, int months,
      YearMonth first) {
    long replayed = 0;
    long produceStart = System.nanoTime();
    try (InputPublisher in = new InputPublisher(provisioned.bootstrap(), provisioned.registry, "feature-bench-replay")) {
      in.profiles(areas);
      for (int i = 0; i < months; i++) {
        List<CrimeRecord> month = crimes.month(first.plusMonths(i));
        in.month(month, CrimeRecords.closing(Months.format(first.plusMonths(i)), 1, month, areas.size()));
        replayed += month.size();
        if (i % 20 == 19) {
          System.out.printf("  published %d months, %,d records%n", i + 1, replayed);
        }
      }
    }
    double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
    System.out.printf("Published %,d replay records in %.1f s (generation and producing, not part of the figure)%n", replayed, produceSeconds);
    return replayed;
  }

  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  /** CPU time of the live Kafka Streams threads. */
  private static long streamThreadCpuNanos() {
    var threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("StreamThread")) {
        sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  /** VmHWM of this process (the broker, registry and service all live in it), or -1 off Linux. */
  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }

  /** The service options every feature benchmark takes (see {@link #serviceSettings}). */
  public static final String SERVICE_OPTIONS = "[--threads N] [--commit-ms N] [--records-store rocksdb|memory] [--count-flush-ms N]";

  static Map<String, String> options(String[] args) {
    return options(args, "FeatureBench [--data DIR] [--records N] [--months N] [--live N] " + SERVICE_OPTIONS + " [--passes N] [--json FILE]");
  }

  /** {@code --name value} pairs; anything else is refused with {@code usage}. */
  public static Map<String, String> options(String[] args, String usage) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Usage: " + usage + "; got '" + args[i] + "'");
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }
}
