package uk.patrolcast.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import uk.patrolcast.ingest.publish.CrimeRecordEncoder;
import uk.patrolcast.ingest.reference.ReferenceData;
import uk.patrolcast.ingest.rows.RecordHashes;
import uk.patrolcast.ingest.rows.SourceReading;
import uk.patrolcast.ingest.rows.StreetSourceReader;
import uk.patrolcast.ingest.source.ArchiveLimits;
import uk.patrolcast.ingest.source.PoliceSource;
import uk.patrolcast.ingest.source.SourceScanner;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;

/**
 * The benchmark's floors of the reading side, each over every police.uk source of a data directory
 * on one thread, in CPU time of that thread: decompressing only; decompressing and the SHA-256 of the
 * content (the manifest's); the whole read (lines, checks, harmonisation, records, content hashes);
 * and the read with the records serialised, which is what ingest's read threads do per source.
 * Run in the same JVM after the end-to-end run, so the code is compiled: they say what the work
 * costs, not what a cold start costs.
 */
final class ReadFloors {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ReadFloors() {}

  /** Step → CPU seconds, with the records accepted (for per-record figures) under {@code records}. */
  static Map<String, Double> measure(Path dataDir, int rounds) {
    DataLayout data = new DataLayout(dataDir);
    List<PoliceSource> sources =
        SourceScanner.scan(List.of(data.police()), data.root(), ArchiveLimits.DEFAULT).sources();
    ReferenceData reference = ReferenceData.load(data);
    Forces forces = Forces.parse(Forces.DEFAULT);
    StreetSourceReader reader = new StreetSourceReader(reference.harmoniser(), 64 << 10, YearMonth.now(ZoneOffset.UTC));
    CrimeRecordEncoder encoder = new CrimeRecordEncoder(new InMemorySchemaRegistry());
    Map<String, Double> out = new LinkedHashMap<>();
    long[] records = {0};
    for (int round = 0; round < rounds; round++) {
      out.put("decompress", cpu(sources, s -> drain(s, null)));
      out.put("decompress + SHA-256 of the content", cpu(sources, s -> drain(s, RecordHashes.sha256())));
      out.put("read (lines, checks, harmonise, records)", cpu(sources, s -> read(reader, forces, s).records().size()));
      records[0] = 0;
      out.put("read + serialise records", cpu(sources, s -> {
        SourceReading r = read(reader, forces, s);
        records[0] += r.records().size();
        return encoder.encode(r.records()).size();
      }));
    }
    out.put("records", (double) records[0]);
    return out;
  }

  private static SourceReading read(StreetSourceReader reader, Forces forces, PoliceSource s) {
    return reader.read(s, forces.contains(s.slug()) ? forces.name(s.slug()) : s.slug());
  }

  private static double cpu(List<PoliceSource> sources, ToLongFunction<PoliceSource> work) {
    long sink = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    for (PoliceSource s : sources) {
      sink += work.applyAsLong(s);
    }
    double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
    return sink < 0 ? Double.NaN : seconds;
  }

  private static long drain(PoliceSource s, MessageDigest digest) {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    try (InputStream in = s.content().open()) {
      for (int r; (r = in.read(buf)) >= 0; ) {
        if (digest != null) {
          digest.update(buf, 0, r);
        }
        n += r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }
}
