package uk.patrolcast.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a whole data directory: the universe, its reference files, the crime counts, then the
 * police files of every force and month on a pool of worker threads (one file per task), then the
 * police-uk manifest. Progress is logged per force and every tenth of the files.
 */
final class DataGenerator {
  private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

  /** What was made and how long it took. */
  record Summary(int lsoas, int wards, int lads, int forces, int months, int policeFiles, long rows, long burglaryRows,
      long policeBytes, long policeGzBytes, int referenceFiles, long referenceBytes, Map<String, Double> seconds, double cpuSeconds) {}

  private DataGenerator() {}

  static Summary generate(GeneratorOptions o, Path out) {
    long started = System.nanoTime();
    double cpuStarted = processCpuSeconds();
    Map<String, Double> seconds = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
      Thread t = new Thread(r, "generate");
      t.setDaemon(true);
      return t;
    });
    try {
      long t0 = System.nanoTime();
      Universe u = UniverseBuilder.build(o);
      seconds.put("universe", since(t0));
      log.info("Universe: {} LSOAs, {} wards, {} local authorities, {} forces, {} residents ({} s)", u.lsoas.size(), u.wards.size(),
          u.lads.size(), u.forces.size(), u.population(), seconds.get("universe"));

      t0 = System.nanoTime();
      List<Callable<Void>> reference = List.of(
          () -> run(() -> LookupFiles.write(u, out)),
          () -> run(() -> DeprivationFiles.write(u, out)),
          () -> run(() -> CensusFiles.write(u, out)),
          () -> run(() -> PopulationFiles.write(u, out)),
          () -> run(() -> BoundaryFiles.write(u, out)),
          () -> run(() -> RunSettings.write(u, out)));
      CrimeCounts.runAll(pool, reference);
      seconds.put("reference", since(t0));
      log.info("Reference files written ({} s)", seconds.get("reference"));

      t0 = System.nanoTime();
      CrimeCounts counts = CrimeCounts.simulate(u, new CrimeModel(u), NearRepeat.BURGLARY, pool);
      seconds.put("counts", since(t0));
      log.info("Crime counts simulated for {} months ({} s)", o.months(), seconds.get("counts"));

      t0 = System.nanoTime();
      List<StreetFile.Stats> stats = policeFiles(u, counts, out.resolve("police-uk"), pool);
      seconds.put("police", since(t0));
      writeManifest(out, stats);
      seconds.put("total", since(started));

      long rows = stats.stream().mapToLong(StreetFile.Stats::rows).sum();
      long burglaries = stats.stream().mapToLong(StreetFile.Stats::burglaryRows).sum();
      long raw = stats.stream().mapToLong(StreetFile.Stats::bytes).sum();
      long gz = stats.stream().mapToLong(StreetFile.Stats::gzBytes).sum();
      long referenceBytes = 0;
      for (DataFile f : DataFile.values()) {
        referenceBytes += size(out.resolve(f.path));
      }
      return new Summary(u.lsoas.size(), u.wards.size(), u.lads.size(), u.forces.size(), o.months(), stats.size(), rows, burglaries,
          raw, gz, DataFile.values().length, referenceBytes, seconds, Math.round((processCpuSeconds() - cpuStarted) * 10) / 10.0);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<StreetFile.Stats> policeFiles(Universe u, CrimeCounts counts, Path police, ExecutorService pool) {
    GeneratorOptions o = u.options;
    CodeVintage vintage = CodeVintage.of(o);
    List<ForceRows> forces = new ArrayList<>();
    for (int f = 0; f < u.forces.size(); f++) {
      forces.add(new ForceRows(u, f));
    }
    int totalFiles = forces.size() * o.months();
    AtomicInteger done = new AtomicInteger();
    AtomicLong rowsDone = new AtomicLong();
    long started = System.nanoTime();
    List<Callable<StreetFile.Stats>> tasks = new ArrayList<>();
    for (ForceRows rows : forces) {
      AtomicInteger left = new AtomicInteger(o.months());
      AtomicLong forceRows = new AtomicLong();
      AtomicLong forceGz = new AtomicLong();
      for (int m = 0; m < o.months(); m++) {
        int month = m;
        tasks.add(() -> {
          StreetFile.Stats s = StreetFile.write(police, u, rows, counts, vintage, month, o.gzipLevel());
          forceRows.addAndGet(s.rows());
          forceGz.addAndGet(s.gzBytes());
          long all = rowsDone.addAndGet(s.rows());
          int n = done.incrementAndGet();
          if (left.decrementAndGet() == 0) {
            log.info("[{}/{}] {}: {} files, {} rows, {} MB ({} s)", rows.forceIndex + 1, forces.size(), rows.force.slug(),
                o.months(), forceRows.get(), forceGz.get() >> 20, since(started));
          }
          if (n * 10L / totalFiles != (n - 1) * 10L / totalFiles) {
            log.info("{}% of police files: {}/{} files, {} rows ({} s)", n * 100L / totalFiles, n, totalFiles, all, since(started));
          }
          return s;
        });
      }
    }
    List<StreetFile.Stats> stats = new ArrayList<>();
    try {
      for (var f : pool.invokeAll(tasks)) {
        stats.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
    }
    return stats;
  }

  private static void writeManifest(Path out, List<StreetFile.Stats> stats) {
    List<StreetFile.Stats> sorted = new ArrayList<>(stats);
    sorted.sort(Comparator.comparing(StreetFile.Stats::file));
    try (CsvWriter csv = new CsvWriter(out, DataFile.MANIFEST)) {
      for (StreetFile.Stats s : sorted) {
        csv.row(s.file(), s.force(), s.month(), s.rows(), s.rowsWithoutLsoa(), s.rowsWithoutCrimeId(), s.gzBytes(), s.sha256());
      }
    }
  }

  private static Void run(Runnable r) {
    r.run();
    return null;
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CPU time of the whole process so far (all threads), or NaN where the JVM does not say. */
  static double processCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  static double since(long nanos) {
    return Math.round((System.nanoTime() - nanos) / 1e7) / 100.0;
  }
}
