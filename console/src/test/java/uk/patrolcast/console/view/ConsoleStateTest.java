package uk.patrolcast.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.console.TestEvents;
import uk.patrolcast.schemas.Topics;

class ConsoleStateTest {
  private static LsoaProfile profile(String code, String ward) {
    return TestEvents.profile(code, ward);
  }

  private static LsoaMonthFeatures features(String code, String ward, String month, int count) {
    return TestEvents.features(code, ward, month, count);
  }

  private static Forecast forecast(String code, String origin, double... predicted) {
    return TestEvents.forecast(code, origin, predicted);
  }


  @Test
  void countsFollowTheLatestRecordAndSumByWard() {
    ConsoleState s = new ConsoleState(3, 3, 10);
    s.apply(Topics.LSOA_PROFILES.name(), "A", profile("A", "W1"));
    s.apply(Topics.LSOA_PROFILES.name(), "B", profile("B", "W1"));
    s.apply(Topics.LSOA_PROFILES.name(), "C", profile("C", "W2"));
    s.apply(Topics.FEATURES.name(), "A:2024-01", features("A", "W1", "2024-01", 2));
    s.apply(Topics.FEATURES.name(), "B:2024-01", features("B", "W1", "2024-01", 3));
    s.apply(Topics.FEATURES.name(), "C:2024-01", features("C", "W2", "2024-01", 4));
    // A correction re-publishes A's row.
    s.apply(Topics.FEATURES.name(), "A:2024-01", features("A", "W1", "2024-01", 5));
    s.read(st -> {
      assertThat(st.counts().totals()).containsEntry("2024-01", 12.0);
      float[] byWard = MonthlyCounts.byWard(st.counts().month("2024-01"), st.wardOf(), st.lsoas().size(), st.wards().size());
      assertThat(byWard[st.wards().indexOf("W1")]).isEqualTo(8f);
      assertThat(byWard[st.wards().indexOf("W2")]).isEqualTo(4f);
      assertThat(st.wardName(st.wards().indexOf("W2"))).isEqualTo("W2 name");
      return null;
    });
    assertThat(s.drainChanges()).contains(ConsoleState.Channel.AREAS, ConsoleState.Channel.COUNTS);
    assertThat(s.drainChanges()).isEmpty();
  }

  @Test
  void theOverviewComparesAMonthWithTheForecastMadeTheMonthBefore() {
    ConsoleState s = new ConsoleState(3, 2, 10);
    s.apply(Topics.LSOA_FORECASTS.name(), "A:2024-01", forecast("A", "2024-01", 1.0, 2.0, 3.0));
    s.apply(Topics.LSOA_FORECASTS.name(), "A:2024-02", forecast("A", "2024-02", 1.5, 2.5, 3.5));
    s.read(st -> {
      ForecastStore f = st.lsoaForecasts();
      // 2024-03: the forecast from 2024-02, one month ahead (not 2024-01's two-months-ahead 2.0).
      ForecastStore.Prediction p = f.predictionFor("2024-03");
      assertThat(p.origin()).isEqualTo("2024-02");
      assertThat(p.horizon()).isEqualTo(1);
      assertThat(p.band().predicted().get(0)).isCloseTo(1.5, within(1e-6));
      // 2024-05 is beyond every one-step forecast: the latest origin's horizon 3.
      ForecastStore.Prediction later = f.predictionFor("2024-05");
      assertThat(later.origin()).isEqualTo("2024-02");
      assertThat(later.horizon()).isEqualTo(3);
      assertThat(f.predictionFor("2023-06")).isNull();
      return null;
    });
  }

  @Test
  void onlyTheLatestOriginsKeepAllHorizons() {
    ConsoleState s = new ConsoleState(3, 2, 10);
    for (String origin : List.of("2024-01", "2024-02", "2024-03")) {
      s.apply(Topics.LSOA_FORECASTS.name(), "A:" + origin, forecast("A", origin, 1, 2, 3));
    }
    s.read(st -> {
      assertThat(st.lsoaForecasts().origins()).containsExactly("2024-01", "2024-02", "2024-03");
      assertThat(st.lsoaForecasts().horizons("2024-01")).isNull();
      assertThat(st.lsoaForecasts().horizons("2024-03")).hasSize(12);
      assertThat(st.lsoaForecasts().oneStep("2024-01").predicted().get(0)).isEqualTo(1.0);
      return null;
    });
  }

  @Test
  void watermarksAndRejectionsComeFromTheirTopics() {
    ConsoleState s = new ConsoleState(3, 3, 2);
    s.apply(Topics.MONTH_CLOSED.name(), "2024-01", MonthClosed.newBuilder().setMonth("2024-01").setRevision(1).setRecordCount(10)
        .setRecordHashSum(0).setRejectedCount(1).setChecksum("x").setSources(List.of()).setClosedAt(Instant.EPOCH).build());
    for (int i = 0; i < 3; i++) {
      s.apply(Topics.CRIME_REJECTED.name(), "f:" + i, RejectedRecord.newBuilder().setSource("f").setLine(i)
          .setReason(i == 0 ? RejectionReason.NO_LSOA : RejectionReason.DUPLICATE_CRIME_ID).setMessage("m").setRaw("x".repeat(1000))
          .setRawLength(1000).setRejectedAt(Instant.EPOCH).build());
    }
    s.read(st -> {
      assertThat(st.watermarks().stages()).containsEntry("ingested", "2024-01").containsEntry("featured", null);
      assertThat(st.rejected().total()).isEqualTo(3);
      assertThat(st.rejected().byReason()).containsEntry("NO_LSOA", 1L).containsEntry("DUPLICATE_CRIME_ID", 2L);
      assertThat(st.rejected().recent()).hasSize(2).extracting(RejectedLog.Row::line).containsExactly(2L, 1L);
      assertThat(st.rejected().recent().get(0).raw()).hasSizeLessThan(500);
      return null;
    });
  }

  @Test
  void recentFeaturesKeepOnlyTheNewestMonths() {
    RecentFeatures f = new RecentFeatures(2);
    f.put(0, features("A", "W1", "2024-02", 1));
    f.put(0, features("A", "W1", "2024-03", 2));
    f.put(0, features("A", "W1", "2024-01", 9));
    f.put(0, features("A", "W1", "2024-04", 4));
    assertThat(f.months()).containsExactly("2024-03", "2024-04");
    int count = RecentFeatures.COLUMNS.indexOf("count");
    assertThat(f.month("2024-04")[count].get(0)).isEqualTo(4.0);
    assertThat(RecentFeatures.COLUMNS).contains("lag1", "mean12", "imd", "snapshotRevision").doesNotContain("lsoa21cd", "month");
    assertThat(f.month("2024-04")[RecentFeatures.COLUMNS.indexOf("mean12")].known(0)).isFalse();
  }

  @Test
  void londonTotalCombinesIntervalsAsIndependentNormals() {
    Band b = Band.empty();
    b.set(0, 10, 10 - Band.Z80 * 3, 10 + Band.Z80 * 3);
    b.set(1, 20, 20 - Band.Z80 * 4, 20 + Band.Z80 * 4);
    Band.Total t = b.total();
    assertThat(t.predicted()).isCloseTo(30, within(1e-4));
    // sd = sqrt(9 + 16) = 5
    assertThat(t.upper() - t.predicted()).isCloseTo(Band.Z80 * 5, within(1e-3));
    assertThat(t.areas()).isEqualTo(2);
  }
}
