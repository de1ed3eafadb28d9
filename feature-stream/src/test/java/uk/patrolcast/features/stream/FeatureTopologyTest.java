package uk.patrolcast.features.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.features.bench.Universes;
import uk.patrolcast.features.model.CellBucket;

/**
 * The whole topology (counting, repartitions, the snapshot builder, both outputs) in a
 * TopologyTestDriver, fed records shaped like ingest's.
 */
class FeatureTopologyTest {
  /** A 3×3 grid: area 4 (the centre) touches all the others. */
  private static final List<LsoaProfile> AREAS = Universes.grid(9, 7);
  private static final String A = AREAS.get(0).getLsoa21cd();
  private static final String B = AREAS.get(1).getLsoa21cd();
  private static final String CENTRE = AREAS.get(4).getLsoa21cd();

  @TempDir Path state;
  private TopologyHarness t;
  private int ids;

  @BeforeEach
  void start() {
    t = new TopologyHarness(state, recordsInMemory());
    t.profiles(AREAS);
  }

  /** Whether the records table is on the heap ({@link FeatureTopologyInMemoryTest}) or in RocksDB. */
  boolean recordsInMemory() {
    return false;
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<CrimeRecord> crimes(String month, String lsoa, int n) {
    List<CrimeRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(CrimeRecords.withId(month, "c" + (ids++), lsoa));
    }
    return out;
  }

  /** Publishes records of a month and closes it with exactly them. */
  private List<CrimeRecord> month(String month, List<CrimeRecord> records) {
    t.records(records);
    t.close(month, 1, records, AREAS.size());
    return records;
  }

  private static List<CrimeRecord> join(List<CrimeRecord>... parts) {
    List<CrimeRecord> all = new ArrayList<>();
    for (List<CrimeRecord> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  @Test
  void theRecordsTableLivesWhereConfigured() {
    assertThat(t.driver.getKeyValueStore(FeatureTopology.RECORDS_STORE).persistent()).isEqualTo(!recordsInMemory());
  }

  @Test
  void theRecordsTableWritesNoChangelogOfItsOwn() {
    // Its changelog is crime.records.v1 itself: a second copy of every record cost a tenth of a replay's CPU.
    month("2023-01", join(crimes("2023-01", A, 3), crimes("2023-01", B, 1)));
    assertThat(t.latestRows()).hasSize(9);
    assertThat(t.driver.producedTopicNames())
        .contains("features-test-builder-cells-changelog", "features-test-builder-input-repartition")
        .noneMatch(topic -> topic.contains(FeatureTopology.RECORDS_STORE));
  }

  @Test
  void everyAreaGetsARowZerosIncludedAndOneSnapshotReady() {
    month("2023-01", join(crimes("2023-01", A, 3), crimes("2023-01", B, 1)));
    List<SnapshotReady> readies = t.newReadies();
    assertThat(readies).singleElement().satisfies(r -> {
      assertThat(r.getMonth()).isEqualTo("2023-01");
      assertThat(r.getRevision()).isEqualTo(1);
      assertThat(r.getCause()).isEqualTo(SnapshotCause.CLOSED);
      assertThat(r.getLsoaCount()).isEqualTo(9);
      assertThat(r.getTotalCount()).isEqualTo(4);
      assertThat(r.getMonthRevision()).isEqualTo(1);
    });
    Map<String, LsoaMonthFeatures> rows = t.latestRows();
    assertThat(rows).hasSize(9);
    assertThat(rows.get(A + ":2023-01").getCount()).isEqualTo(3);
    assertThat(rows.get(B + ":2023-01").getCount()).isEqualTo(1);
    assertThat(rows.values()).filteredOn(r -> !r.getLsoa21cd().equals(A) && !r.getLsoa21cd().equals(B))
        .extracting(LsoaMonthFeatures::getCount).containsOnly(0);
    LsoaMonthFeatures centre = rows.get(CENTRE + ":2023-01");
    assertThat(centre.getNeighbourCount()).isEqualTo(8);
    assertThat(centre.getNbrLag1()).isEqualTo(4 / 8.0);
    assertThat(centre.getSnapshotRevision()).isEqualTo(1);
    assertThat(centre.getWardCode()).isEqualTo(AREAS.get(4).getWardCode());
    assertThat(centre.getDensity()).isEqualTo(AREAS.get(4).getPopulation() / AREAS.get(4).getAreaKm2());
  }

  @Test
  void lagsCarryAcrossAYearBoundary() {
    String[] months = {"2022-10", "2022-11", "2022-12", "2023-01", "2023-02", "2023-03"};
    for (int i = 0; i < months.length; i++) {
      month(months[i], crimes(months[i], A, i + 1)); // 1, 2, 3, 4, 5, 6
    }
    assertThat(t.newReadies()).extracting(SnapshotReady::getMonth).containsExactly(months);
    LsoaMonthFeatures jan = t.latest(A, "2023-01");
    assertThat(jan.getHistory()).isEqualTo(4);
    assertThat(jan.getMonthOfYear()).isEqualTo(1);
    assertThat(jan.getLag1()).isEqualTo(4);
    assertThat(jan.getLag2()).isEqualTo(3); // 2022-12
    assertThat(jan.getLag3()).isEqualTo(2); // 2022-11
    assertThat(jan.getMean3()).isEqualTo(3.0);
    assertThat(jan.getLag6()).isNull();
    LsoaMonthFeatures mar = t.latest(A, "2023-03");
    assertThat(mar.getLag6()).isEqualTo(1); // 2022-10
    assertThat(mar.getMean6()).isEqualTo(3.5);
    assertThat(mar.getTrend3()).isEqualTo(5.0 - 2.0);
    assertThat(mar.getLag12()).isNull();
    assertThat(mar.getMonthsSinceLast()).isZero();
    // The centre's neighbours include A: a spatial lag of A's 6 over 8 neighbours.
    assertThat(t.latest(CENTRE, "2023-03").getNbrLag1()).isEqualTo(6 / 8.0);
    assertThat(t.latest(CENTRE, "2023-03").getMonthsSinceLast()).isNull();
  }

  @Test
  void aRecordSeenTwiceCountsOnce() {
    List<CrimeRecord> records = crimes("2023-05", A, 2);
    t.records(records);
    t.record(records.get(0)); // re-delivered, same key and value
    t.close("2023-05", 1, records, AREAS.size());
    assertThat(t.newReadies()).hasSize(1);
    assertThat(t.latest(A, "2023-05").getCount()).isEqualTo(2);
  }

  @Test
  void aMonthIsNotCompleteWhileARecordIsMissing() {
    List<CrimeRecord> records = crimes("2023-05", A, 3);
    t.records(records.subList(0, 2));
    t.close("2023-05", 1, records, AREAS.size());
    assertThat(t.newReadies()).isEmpty();
    assertThat(t.newRows()).isEmpty();
    t.driver.advanceWallClockTime(Duration.ofSeconds(1)); // the builder refreshes its progress view
    assertThat(t.progress.view().months()).singleElement().satisfies(m -> {
      assertThat(m.expectedRecords()).isEqualTo(3);
      assertThat(m.countedRecords()).isEqualTo(2);
      assertThat(m.complete()).isFalse();
    });
    t.record(records.get(2));
    assertThat(t.newReadies()).extracting(SnapshotReady::getMonth).containsExactly("2023-05");
    assertThat(t.latest(A, "2023-05").getCount()).isEqualTo(3);
  }

  @Test
  void aRecordWithTheRightCountButWrongContentDoesNotComplete() {
    List<CrimeRecord> records = crimes("2023-05", A, 2);
    t.records(List.of(records.get(0), CrimeRecords.withId("2023-05", "impostor", A)));
    t.close("2023-05", 1, records, AREAS.size());
    assertThat(t.newReadies()).isEmpty(); // two records counted, but not those two: the hash sum differs
    t.retract(CrimeRecords.idKey("metropolitan", "2023-05", "impostor"));
    t.record(records.get(1));
    assertThat(t.newReadies()).hasSize(1);
  }

  @Test
  void aRetractionRepublishesTheMonthOnceItsNewClosingArrives() {
    List<CrimeRecord> records = month("2023-05", crimes("2023-05", A, 3));
    assertThat(t.newReadies()).hasSize(1);
    t.newRows();
    t.retract(records.get(1).getRecordKey());
    assertThat(t.newReadies()).isEmpty(); // revision 1's count no longer matches: wait for the new closing
    t.close("2023-05", 2, List.of(records.get(0), records.get(2)), AREAS.size());
    assertThat(t.newReadies()).singleElement().satisfies(r -> {
      assertThat(r.getRevision()).isEqualTo(2);
      assertThat(r.getCause()).isEqualTo(SnapshotCause.CORRECTED);
      assertThat(r.getMonthRevision()).isEqualTo(2);
      assertThat(r.getTotalCount()).isEqualTo(2);
    });
    assertThat(t.newRows()).hasSize(9).allSatisfy(r -> assertThat(r.getSnapshotRevision()).isEqualTo(2));
    assertThat(t.latest(A, "2023-05").getCount()).isEqualTo(2);
    assertThat(t.latest(A, "2023-05").getMonthRevision()).isEqualTo(2);
  }

  @Test
  void aRecordThatMovesToAnotherAreaMovesItsCount() {
    List<CrimeRecord> records = month("2023-05", crimes("2023-05", A, 2));
    assertThat(t.newReadies()).extracting(SnapshotReady::getRevision).containsExactly(1);
    CrimeRecord moved = CrimeRecord.newBuilder(records.get(0)).setLsoa21cd(B)
        .setContentHash(CrimeRecords.contentHash(records.get(0).getRecordKey(), "2023-05", B)).build();
    t.record(moved);
    t.close("2023-05", 2, List.of(moved, records.get(1)), AREAS.size());
    assertThat(t.latest(A, "2023-05").getCount()).isEqualTo(1);
    assertThat(t.latest(B, "2023-05").getCount()).isEqualTo(1);
    assertThat(t.newReadies()).extracting(SnapshotReady::getRevision).containsExactly(2);
  }

  @Test
  void correctingAnOldMonthRepublishesTheLaterMonthsWhoseLagsUseIt() {
    String[] months = {"2023-01", "2023-02", "2023-03", "2023-04", "2023-05"};
    List<List<CrimeRecord>> published = new ArrayList<>();
    for (String m : months) {
      // Every area has a burglary every month, so monthsSinceLast never depends on the past.
      List<CrimeRecord> all = new ArrayList<>();
      for (LsoaProfile p : AREAS) {
        all.addAll(crimes(m, p.getLsoa21cd(), 1));
      }
      published.add(month(m, all));
    }
    assertThat(t.newReadies()).hasSize(5);
    List<CrimeRecord> february = new ArrayList<>(published.get(1));
    february.addAll(crimes("2023-02", A, 2));
    t.records(february.subList(9, 11));
    t.close("2023-02", 2, february, AREAS.size());
    // February itself; March (lag2, mean3) and April (lag3, mean3) read it; May's lags and mean3 start in March.
    assertThat(t.newReadies()).extracting(r -> r.getMonth() + " " + r.getCause() + " #" + r.getRevision()).containsExactly(
        "2023-02 CORRECTED #2", "2023-03 EARLIER_MONTH_CORRECTED #2", "2023-04 EARLIER_MONTH_CORRECTED #2");
    assertThat(t.latest(A, "2023-02").getCount()).isEqualTo(3);
    assertThat(t.latest(A, "2023-03").getLag2()).isEqualTo(3);
    assertThat(t.latest(A, "2023-04").getLag3()).isEqualTo(3);
    assertThat(t.latest(A, "2023-04").getMean3()).isEqualTo((3 + 1 + 1) / 3.0);
    assertThat(t.latest(CENTRE, "2023-03").getNbrLag2()).isEqualTo((8 + 2) / 8.0);
    assertThat(t.latest(A, "2023-05").getSnapshotRevision()).isEqualTo(1);
  }

  @Test
  void aMonthClosedBeforeTheOneBeforeItWaitsForIt() {
    month("2023-01", crimes("2023-01", A, 1));
    List<CrimeRecord> feb = crimes("2023-02", A, 2);
    month("2023-03", crimes("2023-03", A, 3));
    assertThat(t.newReadies()).extracting(SnapshotReady::getMonth).containsExactly("2023-01");
    t.records(feb);
    assertThat(t.newReadies()).isEmpty();
    t.close("2023-02", 1, feb, AREAS.size());
    assertThat(t.newReadies()).extracting(SnapshotReady::getMonth).containsExactly("2023-02", "2023-03");
    assertThat(t.latest(A, "2023-03").getLag2()).isEqualTo(2);
    assertThat(t.latest(A, "2023-03").getHistory()).isEqualTo(3);
  }

  @Test
  void riskScoresReachRowsPublishedAfterThem() {
    month("2023-01", crimes("2023-01", A, 1));
    assertThat(t.newReadies()).hasSize(1);
    t.risk(A, 0.75);
    month("2023-02", crimes("2023-02", A, 1));
    assertThat(t.newReadies()).hasSize(1);
    assertThat(t.latest(A, "2023-01").getLogRiskScore()).isNull();
    assertThat(t.latest(A, "2023-02").getLogRiskScore()).isEqualTo(0.75);
    assertThat(t.latest(B, "2023-02").getLogRiskScore()).isNull();
  }

  @Test
  void unreadableRecordsAreSkippedWithoutStoppingTheStream() {
    t.rawRecord("bad".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 42, 1, 2, 3});
    t.record(CrimeRecord.newBuilder(CrimeRecords.withId("2023-01", "x", A)).setMonth("2023-13").build());
    month("2023-01", crimes("2023-01", A, 1));
    assertThat(t.newReadies()).hasSize(1);
    assertThat(t.latest(A, "2023-01").getCount()).isEqualTo(1);
  }

  @Test
  void aCellIsTheSumOfItsPartsFromEveryInputPartition() {
    // Partition 0's part comes from the counting task; partitions 2 and 5 hand theirs on directly.
    List<CrimeRecord> here = crimes("2023-01", A, 1);
    List<CrimeRecord> p2 = crimes("2023-01", A, 2);
    List<CrimeRecord> p5 = crimes("2023-01", A, 3);
    t.records(here);
    t.partial(2, "2023-01", part(A, p2));
    t.partial(5, "2023-01", part(A, p5));
    t.close("2023-01", 1, join(here, p2, p5), AREAS.size());
    assertThat(t.newReadies()).singleElement().satisfies(r -> assertThat(r.getTotalCount()).isEqualTo(6));
    assertThat(t.latest(A, "2023-01").getCount()).isEqualTo(6);

    // Partition 5's part shrinks (two records retracted there): the cell moves by the difference.
    t.partial(5, "2023-01", part(A, p5.subList(0, 1)));
    t.close("2023-01", 2, join(here, p2, p5.subList(0, 1)), AREAS.size());
    assertThat(t.newReadies()).singleElement().satisfies(r -> {
      assertThat(r.getRevision()).isEqualTo(2);
      assertThat(r.getTotalCount()).isEqualTo(4);
    });
    assertThat(t.latest(A, "2023-01").getCount()).isEqualTo(4);
    // The same part again changes nothing.
    t.partial(2, "2023-01", part(A, p2));
    assertThat(t.newReadies()).isEmpty();
  }

  /** One partition's part of the bucket of {@code area}: its cell holding these records. */
  private static CellBucket part(String area, List<CrimeRecord> records) {
    long hash = records.stream().mapToLong(CrimeRecord::getContentHash).sum();
    return CellBucket.of(new String[] {area}, new int[] {records.size()}, new long[] {hash});
  }

  @Test
  void aCellEmptiedAfterItWasHandedOnFallsToZeroOnce() {
    List<CrimeRecord> onlyA = crimes("2023-03", A, 1);
    List<CrimeRecord> b = crimes("2023-03", B, 2);
    month("2023-03", join(onlyA, b));
    assertThat(t.newReadies()).singleElement().satisfies(r -> assertThat(r.getTotalCount()).isEqualTo(3));
    // A's only record is retracted: the part now holds A at zero (its earlier value 1 is taken off once).
    t.retract(onlyA.get(0).getRecordKey());
    t.close("2023-03", 2, b, AREAS.size());
    assertThat(t.newReadies()).singleElement().satisfies(r -> {
      assertThat(r.getRevision()).isEqualTo(2);
      assertThat(r.getTotalCount()).isEqualTo(2);
    });
    assertThat(t.latest(A, "2023-03").getCount()).isZero();
  }

  @Test
  void aPartRebuiltWithoutAnAreaItHeldBeforeTakesThatAreaToZero() {
    // After a restart a counting task hands on parts rebuilt from its live records: an area whose
    // records were all retracted before the restart is missing from the part instead of at zero.
    String sameBucket = IntStream.range(0, 100_000).mapToObj(i -> "X" + i)
        .filter(c -> CellBucket.bucketOf(c) == CellBucket.bucketOf(A)).findFirst().orElseThrow();
    List<CrimeRecord> a = crimes("2023-04", A, 2);
    t.partial(3, "2023-04", part(A, a));
    t.close("2023-04", 1, a, AREAS.size());
    assertThat(t.newReadies()).singleElement().satisfies(r -> assertThat(r.getTotalCount()).isEqualTo(2));
    List<CrimeRecord> later = crimes("2023-04", sameBucket, 1);
    t.partial(3, "2023-04", part(sameBucket, later));
    t.close("2023-04", 2, later, AREAS.size());
    assertThat(t.newReadies()).singleElement().satisfies(r -> assertThat(r.getTotalCount()).isZero());
    assertThat(t.latest(A, "2023-04").getCount()).isZero();
  }

  @Test
  void aPartNoLongerHeldAfterARestartIsEmptied() {
    List<CrimeRecord> a = crimes("2023-04", A, 2);
    List<CrimeRecord> b = crimes("2023-04", B, 1);
    t.records(b);
    t.partial(3, "2023-04", part(A, a));
    t.close("2023-04", 1, join(a, b), AREAS.size());
    assertThat(t.newReadies()).singleElement().satisfies(r -> assertThat(r.getTotalCount()).isEqualTo(3));
    // Partition 3's records of A were retracted, and the task restarted before handing on the empty
    // part: rebuilt, it holds no part of that bucket and month, and says so.
    t.partsHeld(3, List.of());
    t.close("2023-04", 2, b, AREAS.size());
    assertThat(t.newReadies()).singleElement().satisfies(r -> {
      assertThat(r.getRevision()).isEqualTo(2);
      assertThat(r.getTotalCount()).isEqualTo(1);
    });
    assertThat(t.latest(A, "2023-04").getCount()).isZero();
    assertThat(t.latest(B, "2023-04").getCount()).isEqualTo(1);
    // Partition 0 (the counting task here) still holds its part: listing it keeps it.
    t.partsHeld(0, List.of(RecordCell.partialKey(CellBucket.bucketOf(B), "2023-04", 0)));
    assertThat(t.newReadies()).isEmpty();
    assertThat(t.latest(B, "2023-04").getCount()).isEqualTo(1);
  }
}
