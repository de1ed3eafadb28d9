package uk.patrolcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.data.FeatureTable;

class ForecastScheduleTest {
  private static final FeatureTable TABLE = SyntheticData.table(8, 70, 1);
  private static final YearMonth LAST = TABLE.lastMonth();

  @Test
  void runModeTrainsOnceAtTheCutoffWhenTheSnapshotsReachIt() {
    YearMonth cutoff = LAST.minusMonths(3);
    ForecastSchedule s = new ForecastSchedule(true, cutoff, 1, 0, 0);
    assertThat(s.trainingCutoff(TABLE.upTo(cutoff.minusMonths(1)), null, null, false, 0)).isNull();
    assertThat(s.trainingCutoff(TABLE.upTo(cutoff), null, null, false, 0)).isEqualTo(cutoff);
    assertThat(s.trainingCutoff(TABLE, null, null, false, 0)).isEqualTo(cutoff);
    assertThat(s.trainingCutoff(TABLE, null, null, true, 0)).isNull();
    assertThat(s.trainingCutoff(TABLE, cutoff, cutoff, false, 0)).isNull();
  }

  @Test
  void upModeWaitsForTheStreamToSettleThenRetrainsOnSchedule() {
    ForecastSchedule s = new ForecastSchedule(false, null, 2, 1000, 0);
    assertThat(s.trainingCutoff(TABLE, null, null, false, 10)).isNull();
    assertThat(s.trainingCutoff(TABLE, null, null, false, 5000)).isEqualTo(LAST);
    assertThat(s.trainingCutoff(TABLE, LAST.minusMonths(1), LAST.minusMonths(1), false, 5000)).isNull();
    assertThat(s.trainingCutoff(TABLE, LAST.minusMonths(2), LAST.minusMonths(2), false, 5000)).isEqualTo(LAST);
    assertThat(s.trainingCutoff(TABLE, LAST.minusMonths(2), LAST, false, 5000)).as("not again at a cut-off already tried").isNull();
    ForecastSchedule frozen = new ForecastSchedule(false, LAST.minusMonths(5), 1, 0, 0);
    assertThat(frozen.trainingCutoff(TABLE, null, null, false, 0)).isEqualTo(LAST.minusMonths(5));
    assertThat(frozen.trainingCutoff(TABLE, LAST.minusMonths(5), LAST.minusMonths(5), false, 0)).isNull();
  }

  @Test
  void upModeWithBacktestMonthsTrainsTheFirstChampionBeforeTheLatestMonthThenAChallengerAtIt() {
    ForecastSchedule s = new ForecastSchedule(false, null, 1, 1000, 12);
    YearMonth first = LAST.minusMonths(12);
    assertThat(s.firstCutoff(LAST)).isEqualTo(first);
    assertThat(s.trainingCutoff(TABLE, null, null, false, 10)).as("the replay has not settled").isNull();
    assertThat(s.trainingCutoff(TABLE, null, null, false, 5000)).isEqualTo(first);
    assertThat(s.trainingCutoff(TABLE, null, first, true, 5000)).as("while it trains").isNull();
    // Every origin from the first champion's cut-off is forecast by it: out-of-sample one-month-ahead forecasts of the last 12 months.
    assertThat(s.origins(TABLE, first, new HashMap<>(), "champion")).hasSize(13).startsWith(first).endsWith(LAST);
    // Then the usual schedule: a challenger at the latest month.
    assertThat(s.trainingCutoff(TABLE, first, first, false, 5000)).isEqualTo(LAST);
    assertThat(s.trainingCutoff(TABLE, first, LAST, false, 5000)).as("not again at a cut-off already tried").isNull();
    // A first training that could not run (too little history) is tried again when a new month moves the cut-off.
    assertThat(s.trainingCutoff(TABLE.upTo(LAST.minusMonths(1)), null, first, false, 5000)).isEqualTo(first.minusMonths(1));
    assertThat(s.trainingCutoff(TABLE, null, first, false, 5000)).isNull();

    ForecastSchedule frozen = new ForecastSchedule(false, LAST.minusMonths(5), 1, 0, 12);
    assertThat(frozen.firstCutoff(LAST)).as("a fixed cut-off wins over the backtest months").isEqualTo(LAST.minusMonths(5));
    assertThat(frozen.trainingCutoff(TABLE, null, null, false, 0)).isEqualTo(LAST.minusMonths(5));
    assertThat(new ForecastSchedule(false, null, 1, 0, 0).trainingCutoff(TABLE, null, null, false, 0)).as("0 = off").isEqualTo(LAST);
    assertThat(new ForecastSchedule(true, LAST.minusMonths(3), 1, 0, 12).firstCutoff(LAST)).as("run mode").isEqualTo(LAST.minusMonths(3));
  }

  @Test
  void originsAreEveryMonthFromTheCutoffNotYetForecastAtItsRevision() {
    ForecastSchedule s = new ForecastSchedule(true, LAST.minusMonths(3), 1, 0, 0);
    Map<YearMonth, ForecastSchedule.Published> published = new HashMap<>();
    assertThat(s.origins(TABLE, LAST.minusMonths(3), published, "m1")).hasSize(4).startsWith(LAST.minusMonths(3));
    published.put(LAST.minusMonths(3), new ForecastSchedule.Published(1, "m1"));
    published.put(LAST.minusMonths(2), new ForecastSchedule.Published(0, "m1"));
    published.put(LAST, new ForecastSchedule.Published(1, "m0"));
    assertThat(s.origins(TABLE, LAST.minusMonths(3), published, "m1"))
        .containsExactly(LAST.minusMonths(2), LAST.minusMonths(1), LAST);
  }
}
