package uk.patrolcast.features;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * Writes {@code features.csv} from the final contents of {@code features.lsoa-month.v1} (the latest
 * value per key): header {@code month,lsoa21cd,count,} then every other field of the schema (see
 * {@link FeatureFields}), rows sorted by month then lsoa21cd, LF line ends.
 *
 * <p>About 800,000 rows: the topic is read one partition at a time (a key lives in one partition),
 * each partition's latest lines are sorted into a temporary run file, and the runs are merged. At most
 * one partition's lines are in memory, never the Avro rows.
 */
public final class FeatureCsv {
  private static final Logger log = LoggerFactory.getLogger(FeatureCsv.class);

  private FeatureCsv() {}

  /** Rows and months written. */
  public record Summary(long rows, int months) {}

  public static Summary write(String bootstrapServers, SchemaRegistry registry, Path file) throws IOException {
    long started = System.nanoTime();
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path runs = Files.createTempDirectory(parent, ".features-csv-");
    try {
      List<Path> sorted = new ArrayList<>();
      Map<String, String> lines = new HashMap<>();
      TopicReader.readAll(bootstrapServers, registry, Topics.FEATURES,
          (key, row) -> {
            if (row == null) {
              lines.remove(key);
            } else {
              lines.put(key, FeatureFields.csvLine(row));
            }
          },
          partition -> {
            sorted.add(writeRun(runs.resolve("partition-" + partition + ".csv"), lines));
            lines.clear();
          });
      Summary summary = merge(sorted, file);
      log.info("Wrote {} ({} rows, {} months) in {} ms", file, summary.rows(), summary.months(),
          (System.nanoTime() - started) / 1_000_000);
      return summary;
    } finally {
      try (var stream = Files.list(runs)) {
        for (Path p : stream.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(runs);
    }
  }

  /** A partition's lines in order; lines start with "month,lsoa21cd," so text order is the wanted order. */
  private static Path writeRun(Path run, Map<String, String> lines) {
    List<String> ordered = new ArrayList<>(lines.values());
    ordered.sort(Comparator.naturalOrder());
    try {
      Files.write(run, ordered, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + run, e);
    }
    return run;
  }

  private record Head(String line, BufferedReader reader) {}

  private static Summary merge(List<Path> runs, Path file) throws IOException {
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::line));
    List<BufferedReader> readers = new ArrayList<>();
    long rows = 0;
    int months = 0;
    String lastMonth = null;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Path run : runs) {
        BufferedReader reader = Files.newBufferedReader(run, StandardCharsets.UTF_8);
        readers.add(reader);
        String first = reader.readLine();
        if (first != null) {
          heads.add(new Head(first, reader));
        }
      }
      out.write(FeatureFields.csvHeader());
      out.write('\n');
      while (!heads.isEmpty()) {
        Head head = heads.poll();
        out.write(head.line());
        out.write('\n');
        rows++;
        String month = head.line().substring(0, head.line().indexOf(','));
        if (!month.equals(lastMonth)) {
          months++;
          lastMonth = month;
        }
        String next = head.reader().readLine();
        if (next != null) {
          heads.add(new Head(next, head.reader()));
        }
      }
    } finally {
      for (BufferedReader r : readers) {
        r.close();
      }
    }
    return new Summary(rows, months);
  }
}
