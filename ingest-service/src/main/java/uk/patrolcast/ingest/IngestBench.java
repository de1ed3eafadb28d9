package uk.patrolcast.ingest;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.stack.LocalStack;

/**
 * Benchmark (not a test): ingests every police.uk file of a data directory into a fresh local stack
 * (real KRaft broker, development schema registry, Avro in the Confluent wire format, one transaction
 * per source) and prints records per second.
 *
 * <p>Run: {@code mvn -q -pl ingest-service -am package -DskipTests -Pingest-bench} (data directory from
 * {@code -Dpatrolcast.data.dir}, default {@code ../shared/data}), or
 * {@code java -cp <runtime class path> uk.patrolcast.ingest.IngestBench DIR}.
 */
public final class IngestBench {
  private IngestBench() {}

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("patrolcast.data.dir", "../shared/data"));
    if (!Files.isDirectory(data)) {
      System.err.println("IngestBench: no data directory " + data.toAbsolutePath());
      System.exit(2);
    }
    long t0 = System.nanoTime();
    try (LocalStack stack = LocalStack.startTemporary()) {
      Properties admin = new Properties();
      admin.put("bootstrap.servers", stack.bootstrapServers());
      try (Admin a = Admin.create(admin)) {
        TopicProvisioning.ensureAll(a);
      }
      Map<String, Object> settings = new HashMap<>();
      settings.put(ServiceConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
      settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
      settings.put(ServiceConfig.DATA_DIR, data.toAbsolutePath().toString());
      settings.put(ServiceConfig.STATE_DIR, stack.dir().resolve("state").toString());
      settings.put(IngestConfig.MODE, "run");
      long started = System.nanoTime();
      try (IngestService ingest = new IngestService(new IngestConfig(settings))) {
        ingest.start();
        long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000L;
        long halfNanos = 0;
        long halfAccepted = 0;
        long cpuAtFilesStart = -1;
        while (!ingest.filesDone() && ingest.alive() && System.nanoTime() < deadline) {
          Thread.sleep(50);
          if (cpuAtFilesStart < 0 && ingest.metrics().fileSeconds() > 0) {
            cpuAtFilesStart = processCpuNanos();
          }
          long ingested = ingest.metrics().files().getOrDefault("ingested", 0L);
          if (halfNanos == 0 && ingested >= 159) {
            halfNanos = System.nanoTime();
            halfAccepted = ingest.metrics().accepted();
          }
        }
        long endNanos = System.nanoTime();
        double fileCpu = (processCpuNanos() - cpuAtFilesStart) / 1e9;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double wall = (System.nanoTime() - started) / 1e9;
        IngestMetrics m = ingest.metrics();
        if (!ingest.filesDone()) {
          System.err.println("IngestBench: ingest did not finish: " + ingest.status());
          System.exit(1);
        }
        double busy = m.fileSeconds();
        System.out.printf("IngestBench: data %s%n", data.toAbsolutePath());
        System.out.printf("  sources          %s%n", m.files());
        System.out.printf("  rows read        %,d%n", m.rowsRead());
        System.out.printf("  records accepted %,d%n", m.accepted());
        System.out.printf("  rows rejected    %,d%n", m.rejected());
        System.out.printf("  file phase       %.2f s (read, validate, harmonise, Avro-serialise, send, commit; one transaction per source)%n", busy);
        System.out.printf("  records/s        %,.0f accepted records per second of the file phase%n", m.recordsPerSecond());
        System.out.printf("  rows/s           %,.0f%n", m.rowsRead() / busy);
        if (halfNanos > 0) {
          System.out.printf("  second half      %,.0f records/s over the last 159 sources (JIT warm)%n",
              (m.accepted() - halfAccepted) / ((endNanos - halfNanos) / 1e9));
        }
        System.out.printf("  process CPU      %.1f s during the file phase (%.2f cores of %d in use on average; broker, JIT and GC included)%n",
            fileCpu, fileCpu / busy, Runtime.getRuntime().availableProcessors());
        System.out.printf("  per CPU second   %,.0f records per second of process CPU time%n", m.accepted() / fileCpu);
        System.out.printf("  load average     %.1f at the end (other processes compete for the same cores)%n", load);
        System.out.printf("  service wall     %.2f s (including state read-back and reference data)%n", wall);
        System.out.printf("  total wall       %.2f s (including the local stack start)%n", (System.nanoTime() - t0) / 1e9);
        System.out.println("  watermark        " + ingest.watermark());
      }
    }
  }
}
