package uk.patrolcast.features.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.features.bench.Universes;
import uk.patrolcast.features.stream.TopologyHarness;

/**
 * Whole real months through the topology: the records of 2023-06..2023-08 (Met and City, as ingest
 * would publish them: ingest-contract keys and hashes, the first of a repeated Crime ID, London
 * LSOA21 codes only — these months carry no 2011 codes) and London's 4,994 areas. Every month must
 * get exactly 4,994 rows whose counts equal an independent count from the raw files.
 */
class RealMonthsIT {
  private static final List<String> MONTHS = List.of("2023-06", "2023-07", "2023-08");

  @TempDir Path state;

  @Test
  void realMonthsGiveEveryAreaARowWithTheIndependentCount() throws Exception {
    Path data = Path.of(System.getProperty("patrolcast.data.dir", "../../shared/data"));
    assumeTrue(Files.isDirectory(data.resolve("police-uk")), "no shared data at " + data.toAbsolutePath() + ": skipped");
    List<LsoaProfile> london = Universes.london(data, 1);
    Set<String> universe = new HashSet<>();
    london.forEach(p -> universe.add(p.getLsoa21cd()));
    Map<String, Map<String, Integer>> expected = new IndependentCounts(data).count(MONTHS::contains);

    try (TopologyHarness t = new TopologyHarness(state)) {
      t.profiles(london);
      for (String month : MONTHS) {
        List<CrimeRecord> records = new ArrayList<>();
        for (String force : List.of("metropolitan", "city-of-london")) {
          records.addAll(ingestShaped(data, force, month, universe));
        }
        t.records(records);
        t.close(month, 1, records, london.size());
      }
      List<SnapshotReady> readies = t.newReadies();
      assertThat(readies).extracting(SnapshotReady::getMonth).containsExactlyElementsOf(MONTHS);
      Map<String, LsoaMonthFeatures> rows = t.latestRows();
      assertThat(rows).hasSize(MONTHS.size() * 4994);
      for (String month : MONTHS) {
        int total = 0;
        for (String lsoa : universe) {
          int count = rows.get(lsoa + ":" + month).getCount();
          assertThat(count).as(lsoa + " " + month).isEqualTo(expected.get(month).getOrDefault(lsoa, 0));
          total += count;
        }
        int monthTotal = total;
        assertThat(readies).filteredOn(r -> r.getMonth().equals(month))
            .singleElement().satisfies(r -> assertThat(r.getTotalCount()).isEqualTo(monthTotal));
        assertThat(total).as("burglaries counted in " + month).isGreaterThan(3000);
      }
    }
  }

  /** What ingest publishes for one force-month file (these months need no LSOA 2011 mapping). */
  private static List<CrimeRecord> ingestShaped(Path data, String force, String month, Set<String> universe) throws Exception {
    Path file = data.resolve("police-uk/" + force + "-street-burglary/" + month + "-" + force + "-street-burglary.csv.gz");
    List<CrimeRecord> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        String lsoa = r.get("LSOA code");
        String id = r.get("Crime ID");
        if (lsoa.isEmpty() || !ids.add(id) || !universe.contains(lsoa)) {
          continue; // NO_LSOA, DUPLICATE_CRIME_ID, outside London: rejected by ingest
        }
        double lon = r.get("Longitude").isEmpty() ? 0 : Double.parseDouble(r.get("Longitude"));
        double lat = r.get("Latitude").isEmpty() ? 0 : Double.parseDouble(r.get("Latitude"));
        out.add(CrimeRecords.record(CrimeRecords.idKey(force, month, id), month, id, lsoa, lon, lat, r.getRecordNumber() + 1));
      }
    }
    return out;
  }
}
