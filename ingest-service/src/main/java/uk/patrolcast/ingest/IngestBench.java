package uk.patrolcast.ingest;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * Benchmark (not a test): ingests every police.uk file of a data directory into a fresh local stack
 * (real KRaft broker, development schema registry, Avro in the Confluent wire format, the service's
 * default read threads and transactions) and prints records per second, CPU time by kind of thread,
 * and digests of everything published (to compare two builds exactly); then the single-thread CPU
 * floors of the reading side ({@link ReadFloors}).
 *
 * <p>With {@code --passes N} the whole ingest runs N times in the same JVM, each into a fresh stack:
 * the first pass is a cold start (a third of its CPU goes to the JIT compilers), the later ones show
 * the steady state of a long-running service, the way JMH warms up before it measures. Every pass
 * must publish exactly the same bytes (digests compared), so a warm pass does no less work.
 *
 * <p>Run: {@code mvn -q -pl ingest-service -am package -DskipTests -Pingest-bench} (data directory from
 * {@code -Dpatrolcast.data.dir}, default {@code ../shared/data}; two passes), or
 * {@code java -cp <runtime class path> uk.patrolcast.ingest.IngestBench DIR [--passes N] [--no-floors | --floors-only]}.
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    List<String> options = List.of(args).stream().filter(a -> a.startsWith("--")).toList();
    List<String> dirs = new java.util.ArrayList<>();
    int passes = 1;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--passes")) {
        passes = i + 1 < args.length ? Integer.parseInt(args[++i]) : 0;
        if (passes < 1) {
          throw new IllegalArgumentException("--passes needs a number, at least 1");
        }
      } else if (!args[i].startsWith("--")) {
        dirs.add(args[i]);
      }
    }
    Path data = Path.of(!dirs.isEmpty() ? dirs.get(0) : System.getProperty("patrolcast.data.dir", "../shared/data"));
    if (!Files.isDirectory(data)) {
      System.err.println("IngestBench: no data directory " + data.toAbsolutePath());
      System.exit(2);
    }
    if (!options.contains("--floors-only")) {
      Map<String, String> first = null;
      for (int pass = 1; pass <= passes; pass++) {
        System.out.printf("IngestBench pass %d of %d (%s)%n", pass, passes, pass == 1 ? "cold JVM" : "warm JVM: code compiled by the passes before");
        Map<String, String> digests = endToEnd(data);
        if (first == null) {
          first = digests;
        } else if (!first.equals(digests)) {
          throw new IllegalStateException("IngestBench: pass " + pass + " published different contents from pass 1");
        }
      }
      if (passes > 1) {
        System.out.printf("IngestBench: all %d passes published identical contents%n", passes);
      }
    }
    if (!options.contains("--no-floors")) {
      floors(data);
    }
  }

  /** What the reading side costs on its own, per step, on one thread (after a first round that compiles the code). */
  private static void floors(Path data) {
    Map<String, Double> f = ReadFloors.measure(data, 2);
    double records = f.remove("records");
    System.out.printf("IngestBench floors: CPU time of one thread over every source, %,.0f records, compiled code%n", records);
    f.forEach((step, seconds) -> System.out.printf("    %-52s %5.2f s  %4.2f µs/record%n", step, seconds, seconds * 1e6 / records));
  }

  /** The service over every police.uk file into a fresh local stack: records per second and CPU by thread kind. */
  private static Map<String, String> endToEnd(Path data) throws Exception {
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
        ThreadCpu cpu = null;
        while (!ingest.filesDone() && ingest.alive() && System.nanoTime() < deadline) {
          Thread.sleep(20);
          if (cpu == null && ingest.metrics().fileSeconds() > 0) {
            cpu = new ThreadCpu();
          } else if (cpu != null) {
            cpu.sample();
          }
          long ingested = ingest.metrics().files().getOrDefault("ingested", 0L);
          if (halfNanos == 0 && ingested >= 159) {
            halfNanos = System.nanoTime();
            halfAccepted = ingest.metrics().accepted();
          }
        }
        long endNanos = System.nanoTime();
        Map<String, Double> cpuSeconds = cpu == null ? Map.of("process", 0.0) : cpu.seconds();
        double fileCpu = cpuSeconds.get("process");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double wall = (System.nanoTime() - started) / 1e9;
        IngestMetrics m = ingest.metrics();
        if (!ingest.filesDone()) {
          throw new IllegalStateException("IngestBench: ingest did not finish: " + ingest.status());
        }
        double busy = m.fileSeconds();
        System.out.printf("IngestBench: data %s%n", data.toAbsolutePath());
        System.out.printf("  sources          %s%n", m.files());
        System.out.printf("  rows read        %,d%n", m.rowsRead());
        System.out.printf("  records accepted %,d%n", m.accepted());
        System.out.printf("  rows rejected    %,d%n", m.rejected());
        System.out.printf("  file phase       %.2f s (read, validate, harmonise, Avro-serialise, send, commit)%n", busy);
        System.out.printf("  records/s        %,.0f accepted records per second of the file phase%n", m.recordsPerSecond());
        System.out.printf("  rows/s           %,.0f%n", m.rowsRead() / busy);
        if (halfNanos > 0) {
          System.out.printf("  second half      %,.0f records/s over the last 159 sources (JIT warm)%n",
              (m.accepted() - halfAccepted) / ((endNanos - halfNanos) / 1e9));
        }
        System.out.printf("  process CPU      %.1f s during the file phase (%.2f cores of %d in use on average; broker, JIT and GC included)%n",
            fileCpu, fileCpu / busy, Runtime.getRuntime().availableProcessors());
        System.out.printf("  per CPU second   %,.0f records per second of process CPU time (%.1f µs per record)%n", m.accepted() / fileCpu,
            fileCpu * 1e6 / m.accepted());
        cpuSeconds.forEach((kind, seconds) -> {
          if (!kind.equals("process")) {
            System.out.printf("    %-52s %5.1f s  %4.1f µs/record%n", kind, seconds, seconds * 1e6 / m.accepted());
          }
        });
        System.out.printf("  load average     %.1f at the end (other processes compete for the same cores)%n", load);
        System.out.printf("  service wall     %.2f s (including state read-back and reference data)%n", wall);
        System.out.printf("  total wall       %.2f s (including the local stack start)%n", (System.nanoTime() - t0) / 1e9);
        System.out.println("  watermark        " + ingest.watermark());
      }
      // What was published, to compare runs exactly (records, profiles: the bytes; the rest: timestamps cleared).
      SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
      Map<String, String> digests = PublishedDigests.of(stack.bootstrapServers(), registry);
      digests.forEach((topic, digest) -> System.out.printf("  digest %-26s %s%n", topic, digest));
      return digests;
    }
  }
}
