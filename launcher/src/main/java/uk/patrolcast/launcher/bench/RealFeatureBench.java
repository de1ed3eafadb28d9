package uk.patrolcast.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import uk.patrolcast.features.bench.FeatureBench;
import uk.patrolcast.features.bench.ProvisionedStack;
import uk.patrolcast.ingest.IngestConfig;
import uk.patrolcast.ingest.IngestService;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.files.FileTree;

/**
 * The feature stream's throughput over the real data: ingest publishes every file of {@code --data}
 * (the police.uk records, the LSOA profiles, each month's MonthClosed) to a fresh local stack, which
 * is not timed; then the feature service starts on those topics and {@link FeatureBench#measureReplay}
 * times it from its start to the last month's SnapshotReady, as it does for the synthetic replay.
 *
 * <pre>
 * java -Xmx3g -cp 'launcher/target/patrolcast.jar:launcher/target/lib/*' uk.patrolcast.launcher.bench.RealFeatureBench \
 *     --data ../shared/data [--passes N] [--json FILE] [--threads N] [--commit-ms N] [--records-store rocksdb|memory] [--count-flush-ms N]
 * </pre>
 */
public final class RealFeatureBench {
  private static final long INGEST_TIMEOUT_NANOS = 20L * 60 * 1_000_000_000L;

  private RealFeatureBench() {}

  public static void main(String[] args) {
    try {
      Map<String, String> opts = FeatureBench.options(args,
          "RealFeatureBench --data DIR [--passes N] [--json FILE] " + FeatureBench.SERVICE_OPTIONS);
      String data = opts.get("data");
      if (data == null || !Files.isDirectory(Path.of(data))) {
        throw new IllegalArgumentException("--data DIR is required: a data directory laid out like shared/data; got " + data);
      }
      FeatureBench.passes("RealFeatureBench", opts, () -> pass(Path.of(data), opts));
    } catch (Exception e) {
      System.err.println("RealFeatureBench failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    // Ends even if a broker or client thread was left behind by a failed close.
    System.exit(0);
  }

  private static Map<String, Object> pass(Path data, Map<String, String> opts) throws Exception {
    Path state = Files.createTempDirectory("patrolcast-real-feature-bench-");
    try (ProvisionedStack provisioned = new ProvisionedStack()) {
      Published published = ingest(provisioned, data, state.resolve("ingest"));
      Map<String, Object> figures = FeatureBench.measureReplay(provisioned, state.resolve("features"), opts, published.accepted(),
          published.first(), published.last(), (readyNanos, out) -> {});
      figures.put("ingest_rows_read", published.rowsRead());
      figures.put("ingest_rejected", published.rejected());
      return figures;
    } finally {
      FileTree.deleteQuietly(state);
    }
  }

  private record Published(long rowsRead, long accepted, long rejected, YearMonth first, YearMonth last) {}

  /** Ingest in run mode over {@code data} until every month it found is published and closed. */
  private static Published ingest(ProvisionedStack provisioned, Path data, Path state) throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ServiceConfig.BOOTSTRAP_SERVERS, provisioned.bootstrap());
    settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, provisioned.registryUrl());
    settings.put(ServiceConfig.DATA_DIR, data.toAbsolutePath().toString());
    settings.put(ServiceConfig.STATE_DIR, state.toString());
    settings.put(IngestConfig.MODE, "run");
    long started = System.nanoTime();
    try (IngestService ingest = new IngestService(new IngestConfig(settings))) {
      ingest.start();
      String last = ingest.lastInputMonth();
      if (last == null) {
        throw new IllegalArgumentException("No input months in " + data);
      }
      while (!ingest.filesDone() || ingest.watermark() == null || ingest.watermark().compareTo(last) < 0) {
        if (!ingest.alive()) {
          throw new IllegalStateException("Ingest failed: " + ingest.status());
        }
        if (System.nanoTime() - started > INGEST_TIMEOUT_NANOS) {
          throw new IllegalStateException("Ingest did not publish up to " + last + " in 20 minutes: " + ingest.status());
        }
        Thread.sleep(100);
      }
      var m = ingest.metrics();
      System.out.printf("Ingest published %,d of %,d rows read up to %s in %.1f s (%,d rejected; not part of the figure)%n",
          m.accepted(), m.rowsRead(), last, (System.nanoTime() - started) / 1e9, m.rejected());
      return new Published(m.rowsRead(), m.accepted(), m.rejected(), Months.parse(ingest.firstInputMonth()), Months.parse(last));
    }
  }
}
