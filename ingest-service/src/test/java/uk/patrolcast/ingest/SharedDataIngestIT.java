package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;

/**
 * The whole shared data through the real service into a real broker: per month, the records published
 * (and MonthClosed's count and hash sum) must equal an independent count made here from the raw files
 * in a deliberately plain way (BufferedReader lines, a hand-written field split, the lookups read with
 * String.split), and the rejection topic must hold every other row.
 */
class SharedDataIngestIT {
  static final Path DATA = Path.of(System.getProperty("patrolcast.data.dir", "../shared/data"));

  @Test
  void everyMonthPublishesExactlyTheRecordsTheDataRulesGive() throws Exception {
    assumeTrue(Files.isDirectory(DATA.resolve("police-uk")), "shared data not found at " + DATA.toAbsolutePath() + ": skipped");
    Map<String, int[]> expected = independentCount(); // month -> {rows, records}

    try (KafkaRig rig = new KafkaRig()) {
      Map<String, Object> settings = new HashMap<>();
      settings.put(ServiceConfig.BOOTSTRAP_SERVERS, rig.stack.bootstrapServers());
      settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, rig.stack.schemaRegistryUrl());
      settings.put(ServiceConfig.DATA_DIR, DATA.toAbsolutePath().toString());
      settings.put(IngestConfig.MODE, "run");
      try (IngestService ingest = new IngestService(new IngestConfig(settings))) {
        ingest.start();
        assertThat(ingest.lastInputMonth()).isEqualTo("2024-02");
        long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000L;
        while (!ingest.filesDone() && ingest.alive() && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertThat(ingest.alive()).as("%s", ingest.status()).isTrue();
        assertThat(ingest.filesDone()).as("%s", ingest.status()).isTrue();
        assertThat(ingest.watermark()).isEqualTo("2024-02");
      }
      rig.awaitCommitted();

      Map<String, long[]> published = new TreeMap<>(); // month -> {live records, hash sum}
      Map<String, Long> hashes = new HashMap<>();
      TopicReader.readAll(rig.stack.bootstrapServers(), rig.registry, Topics.CRIME_RECORDS, (k, v) -> {
        if (v == null) {
          hashes.remove(k);
        } else {
          hashes.put(k, v.getContentHash());
        }
      });
      hashes.forEach((k, h) -> {
        long[] m = published.computeIfAbsent(k.split(":")[1], x -> new long[2]);
        m[0]++;
        m[1] += h;
      });
      Map<String, Integer> rejectedPerMonth = new TreeMap<>();
      TopicReader.readAll(rig.stack.bootstrapServers(), rig.registry, Topics.CRIME_REJECTED,
          (k, v) -> rejectedPerMonth.merge(v.getMonth(), 1, Integer::sum));
      Map<String, MonthClosed> closed = rig.closed();

      assertThat(closed.keySet()).isEqualTo(expected.keySet());
      assertThat(published.keySet()).isEqualTo(expected.keySet());
      for (Map.Entry<String, int[]> e : expected.entrySet()) {
        String month = e.getKey();
        int rows = e.getValue()[0];
        int records = e.getValue()[1];
        MonthClosed c = closed.get(month);
        assertThat(c.getRecordCount()).as("MonthClosed count of %s", month).isEqualTo(records);
        assertThat(published.get(month)[0]).as("live records of %s", month).isEqualTo(records);
        assertThat(published.get(month)[1]).as("hash sum of %s", month).isEqualTo(c.getRecordHashSum());
        assertThat(rejectedPerMonth.getOrDefault(month, 0)).as("rejections of %s", month).isEqualTo(rows - records);
        assertThat(c.getRejectedCount()).isEqualTo(rows - records);
        assertThat(c.getLsoaCount()).isEqualTo(4994);
        assertThat(c.getSources()).hasSize(2);
      }

      Map<String, LsoaProfile> profiles = TopicReader.latest(rig.stack.bootstrapServers(), rig.registry, Topics.LSOA_PROFILES);
      assertThat(profiles).hasSize(4994);
      for (LsoaProfile p : profiles.values()) {
        assertThat(p.getNeighbours()).as("neighbours of %s", p.getLsoa21cd()).isNotEmpty();
        for (String n : p.getNeighbours()) {
          assertThat(profiles.get(n).getNeighbours()).as("%s lists %s back", n, p.getLsoa21cd()).contains(p.getLsoa21cd());
        }
      }
    }
  }

  /** Month → {data rows, records counted by the data rules}, from the raw files. */
  static Map<String, int[]> independentCount() throws IOException {
    Set<String> london21 = new HashSet<>();
    for (String line : Files.readAllLines(DATA.resolve("lookups/london_lsoa21_ward24_area_km2.csv")).subList(1, 4995)) {
      london21.add(line.split(",")[0]);
    }
    Set<String> london11 = new HashSet<>();
    try (BufferedReader r = gz(DATA.resolve("lookups/LSOA11_to_LSOA21_to_LAD22_Exact_Fit_Lookup_EW_V3.csv.gz"))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        if (london21.contains(f[2])) {
          london11.add(f[0]);
        }
      }
    }
    Map<String, int[]> out = new TreeMap<>();
    for (String folder : List.of("metropolitan-street-burglary", "city-of-london-street-burglary")) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(DATA.resolve("police-uk").resolve(folder), "*.csv.gz")) {
        for (Path file : files) {
          String month = file.getFileName().toString().substring(0, 7);
          int[] m = out.computeIfAbsent(month, x -> new int[2]);
          Set<String> ids = new HashSet<>();
          try (BufferedReader r = gz(file)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
              m[0]++;
              List<String> f = fields(line);
              String id = f.get(0);
              String lsoa = f.get(7);
              if (lsoa.isEmpty() || (!id.isEmpty() && !ids.add(id))) {
                continue;
              }
              if (london21.contains(lsoa) || london11.contains(lsoa)) {
                m[1]++;
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** Fields of a CSV line: commas outside double quotes separate; quotes are dropped. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static BufferedReader gz(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
  }
}
