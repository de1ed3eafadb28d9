package uk.patrolcast.forecast.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;

class FeatureStoreTest {
  private static final List<String> AREAS = List.of("E01000003", "E01000001", "E01000002");

  @Test
  void aMonthIsCompleteOnceAllItsRowsOfTheReadyRevisionAreHeldInAnyOrder() {
    FeatureStore store = new FeatureStore();
    store.accept(ready("2020-01", 1));
    store.accept(row("E01000001", "2020-01", 2, 1));
    assertThat(store.drainCompleted()).isEmpty();
    store.accept(row("E01000002", "2020-01", 0, 1));
    store.accept(row("E01000003", "2020-01", 5, 1));
    assertThat(store.drainCompleted()).containsExactly(new FeatureStore.Completed(YearMonth.of(2020, 1), 1));
    assertThat(store.drainCompleted()).isEmpty();
    for (String a : AREAS) {
      store.accept(row(a, "2020-02", 1, 1));
    }
    store.accept(ready("2020-02", 1));
    assertThat(store.drainCompleted()).hasSize(1);
    FeatureTable t = store.table();
    assertThat(t.areas().codes()).containsExactly("E01000001", "E01000002", "E01000003");
    assertThat(t.counts().monthCounts(0)).containsExactly(2, 0, 5);
    assertThat(t.lastMonth()).isEqualTo(YearMonth.of(2020, 2));
  }

  @Test
  void aCorrectionInFlightDoesNotReachTheTableUntilItsSnapshotIsComplete() {
    FeatureStore store = new FeatureStore();
    for (String a : AREAS) {
      store.accept(row(a, "2020-01", 1, 1));
    }
    store.accept(ready("2020-01", 1));
    store.drainCompleted();
    store.accept(row("E01000001", "2020-01", 9, 2));
    assertThat(store.drainCompleted()).isEmpty();
    assertThat(store.table().counts().monthCounts(0)).containsExactly(1, 1, 1);
    store.accept(row("E01000002", "2020-01", 1, 2));
    store.accept(row("E01000003", "2020-01", 1, 2));
    store.accept(ready("2020-01", 2));
    assertThat(store.drainCompleted()).containsExactly(new FeatureStore.Completed(YearMonth.of(2020, 1), 2));
    assertThat(store.table().counts().monthCounts(0)).containsExactly(9, 1, 1);
    assertThat(store.table().revision(YearMonth.of(2020, 1))).isEqualTo(2);
  }

  @Test
  void theTableStopsAtTheFirstIncompleteMonthAndTakesNeighboursFromProfiles() {
    FeatureStore store = new FeatureStore();
    for (String m : List.of("2020-01", "2020-02", "2020-04")) {
      for (String a : AREAS) {
        store.accept(row(a, m, 1, 1));
      }
      store.accept(ready(m, 1));
    }
    store.accept(profile("E01000001", List.of("E01000002", "E01000009")));
    store.drainCompleted();
    FeatureTable t = store.table();
    assertThat(t.lastMonth()).isEqualTo(YearMonth.of(2020, 2));
    assertThat(t.areas().neighbours(0)).containsExactly(1);
    assertThat(t.areas().neighbours(1)).isEmpty();
    assertThat(t.areas().staticValue(0, "population")).isEqualTo(1500);
  }

  static LsoaMonthFeatures row(String lsoa, String month, int count, int revision) {
    return LsoaMonthFeatures.newBuilder().setLsoa21cd(lsoa).setMonth(month).setWardCode("W1").setBoroughCode("B1").setCount(count)
        .setHistory(1).setMonthOfYear(Integer.parseInt(month.substring(5))).setNeighbourCount(0).setPopulation(1500).setAreaKm2(0.2)
        .setDensity(7500).setImd(10).setIncome(0.1).setEmployment(0.1).setEducation(10).setHealth(0).setCrime(0.5).setHousingBarriers(20)
        .setLivingEnvironment(30).setOwned(0.5).setSocialRented(0.2).setPrivateRented(0.3).setFlats(0.6).setDetached(0.05)
        .setOvercrowded(0.1).setStudents(0.05).setMonthRevision(1).setSnapshotRevision(revision).build();
  }

  static SnapshotReady ready(String month, int revision) {
    return new SnapshotReady(month, revision, AREAS.size(), 0, 1, SnapshotCause.CLOSED, Instant.EPOCH);
  }

  static LsoaProfile profile(String code, List<String> neighbours) {
    return LsoaProfile.newBuilder().setLsoa21cd(code).setName(code).setWardCode("W1").setWardName("W").setBoroughCode("B1")
        .setBoroughName("B").setAreaKm2(0.2).setPopulation(1500).setCentroidLat(51.5).setCentroidLon(-0.1).setNeighbours(neighbours)
        .setNeighbourMethod("test").setIod(new uk.patrolcast.events.IodScores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0))
        .setCensus(new uk.patrolcast.events.CensusShares(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)).setSources("test")
        .build();
  }
}
