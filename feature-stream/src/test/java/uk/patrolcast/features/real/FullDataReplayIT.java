package uk.patrolcast.features.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureCsv;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.features.bench.InputPublisher;
import uk.patrolcast.features.bench.ProvisionedStack;
import uk.patrolcast.features.bench.Universes;

/**
 * All of the shared data through the real service, without the ingest service: every police.uk row
 * is turned into the record ingest would publish (contract keys and hashes; the data rules as
 * {@link IndependentCounts} implements them, LSOA 2011 codes mapped, points in polygons), each month
 * published with its MonthClosed in one transaction; then {@code features.csv} must have 4,994 rows
 * for each of the 159 months and the independent counts in every cell.
 *
 * <p>Because the records are made with the same rules as the check, this proves the topology, the
 * completeness and the CSV over the full data, not ingest's harmonisation ({@link FeatureCountsIT}
 * checks the real pipeline's file). It takes minutes, so it runs only when asked:
 * {@code -Dpatrolcast.features.fullReplay=OUTDIR} (features.csv is left there).
 */
class FullDataReplayIT {
  private static final Logger log = LoggerFactory.getLogger(FullDataReplayIT.class);

  @Test
  void everyMonthOfTheSharedDataGetsEveryAreaWithTheIndependentCount() throws Exception {
    String outDir = System.getProperty("patrolcast.features.fullReplay", "");
    assumeTrue(!outDir.isBlank(), "no -Dpatrolcast.features.fullReplay=OUTDIR given: skipped");
    Path data = Path.of(System.getProperty("patrolcast.data.dir", "../../shared/data"));
    assumeTrue(Files.isDirectory(data.resolve("police-uk")), "no shared data at " + data.toAbsolutePath() + ": skipped");
    Path out = Path.of(outDir);
    Files.createDirectories(out);
    IndependentCounts rules = new IndependentCounts(data);
    List<LsoaProfile> london = Universes.london(data, 1);
    List<String> months = rules.months();

    long published = 0;
    try (ProvisionedStack stack = new ProvisionedStack()) {
      try (InputPublisher in = new InputPublisher(stack.bootstrap(), stack.registry, "full-replay")) {
        in.profiles(london);
        for (String month : months) {
          List<CrimeRecord> records = new ArrayList<>();
          for (Path file : rules.policeFiles()) {
            if (file.getFileName().toString().startsWith(month + "-")) {
              records.addAll(ingestShaped(rules, file, month));
            }
          }
          in.month(records, CrimeRecords.closing(month, 1, records, london.size()));
          published += records.size();
        }
      }
      log.info("Published {} records of {} months", published, months.size());
      Map<String, Object> settings = Map.of("bootstrap.servers", stack.bootstrap(), "schema.registry.url", stack.registryUrl(),
          "state.dir", out.resolve("state").toString(), "patrolcast.mode", "run");
      long started = System.nanoTime();
      try (FeatureService service = new FeatureService(new FeatureConfig(settings))) {
        service.start();
        String last = months.get(months.size() - 1);
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (!last.equals(service.watermark())) {
          assertThat(System.nanoTime()).as("watermark reached " + last + " within 60 minutes").isLessThan(deadline);
          Thread.sleep(1000);
        }
        log.info("All {} months complete after {} s ({} records/s from the first record read)", months.size(),
            (System.nanoTime() - started) / 1_000_000_000L, Math.round(service.recordsPerSecond()));
      }
      FeatureCsv.write(stack.bootstrap(), stack.registry, out.resolve("features.csv"));
    }

    Map<String, Map<String, Integer>> expected = rules.count(m -> true);
    Map<String, Set<String>> areas = new TreeMap<>();
    List<String> mismatches = new ArrayList<>();
    long counted = 0;
    try (BufferedReader csv = Files.newBufferedReader(out.resolve("features.csv"))) {
      csv.readLine();
      for (String line = csv.readLine(); line != null; line = csv.readLine()) {
        String[] v = line.split(",", 4);
        areas.computeIfAbsent(v[0], m -> new HashSet<>()).add(v[1]);
        int got = Integer.parseInt(v[2]);
        counted += got;
        int want = expected.getOrDefault(v[0], Map.of()).getOrDefault(v[1], 0);
        if (got != want) {
          mismatches.add(v[0] + " " + v[1] + ": " + got + " vs " + want);
        }
      }
    }
    log.info("features.csv: {} months, {} burglaries counted, {} mismatching cells", areas.size(), counted, mismatches.size());
    assertThat(areas.keySet()).containsExactlyElementsOf(months);
    areas.forEach((m, a) -> assertThat(a).as(m).isEqualTo(rules.universe()));
    assertThat(counted).isEqualTo(published);
    assertThat(mismatches).isEmpty();
  }

  /** The records ingest would publish for one force-month file. */
  private static List<CrimeRecord> ingestShaped(IndependentCounts rules, Path file, String month) throws Exception {
    String force = file.getFileName().toString().contains("city-of-london") ? "city-of-london" : "metropolitan";
    List<CrimeRecord> out = new ArrayList<>();
    Map<String, Integer> sameLine = new HashMap<>();
    rules.forEachCounted(file, (r, lsoa21) -> {
      String id = r.get("Crime ID");
      String raw = String.join(",", r.values());
      String key = id.isEmpty()
          ? CrimeRecords.rowKey(force, month, raw, sameLine.merge(raw, 1, Integer::sum) - 1)
          : CrimeRecords.idKey(force, month, id);
      double lon = r.get("Longitude").isEmpty() ? 0 : Double.parseDouble(r.get("Longitude"));
      double lat = r.get("Latitude").isEmpty() ? 0 : Double.parseDouble(r.get("Latitude"));
      out.add(CrimeRecords.record(key, month, id.isEmpty() ? null : id, lsoa21, lon, lat, r.getRecordNumber() + 1));
    });
    return out;
  }
}
