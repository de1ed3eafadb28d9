package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.data.FeatureTable;

/**
 * The service checks the history before training (a short history is reported, not a crash): the
 * check must say "enough" exactly when the validation can run.
 */
class HistoryShortfallTest {
  private final ModelTrainer.Settings settings = SyntheticData.settings();
  private final FeatureTable table = SyntheticData.table(30, 80, 5);

  @Test
  void enoughHistoryExactlyWhenTheValidationRuns() {
    // Scheme (2 folds, 3 apart, 4-month window) reaches 7 months back; features need 60 months before an origin.
    YearMonth first = SyntheticData.FIRST;
    YearMonth enough = first.plusMonths(67);
    YearMonth short1 = first.plusMonths(66);

    assertThat(RollingOriginValidation.historyShortfall(table, enough, settings.scheme())).isNull();
    assertThat(RollingOriginValidation.run(table, enough, SyntheticData.params(), settings.scheme(), 7L, 1)).hasSize(2);

    assertThat(RollingOriginValidation.historyShortfall(table, short1, settings.scheme()))
        .contains("Not enough history to train up to " + short1)
        .contains("from " + first.minusMonths(1) + " on")
        .contains("the data cover " + first);
    assertThatThrownBy(() -> RollingOriginValidation.run(table, short1, SyntheticData.params(), settings.scheme(), 7L, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void underUpModeTheBacktestMonthsMoveTheCheckedCutOffBack() {
    // The months that are just enough for a model at the latest month are 3 short for one 3 months before it.
    FeatureTable justEnough = table.upTo(SyntheticData.FIRST.plusMonths(67));
    uk.patrolcast.forecast.ForecastSchedule backtest = new uk.patrolcast.forecast.ForecastSchedule(false, null, 1, 0, 3);
    assertThat(RollingOriginValidation.historyShortfall(justEnough, justEnough.lastMonth(), settings.scheme())).isNull();
    assertThat(RollingOriginValidation.historyShortfall(justEnough, backtest.firstCutoff(justEnough.lastMonth()), settings.scheme()))
        .contains("Not enough history to train up to " + SyntheticData.FIRST.plusMonths(64));
    FeatureTable threeMore = table.upTo(SyntheticData.FIRST.plusMonths(70));
    assertThat(RollingOriginValidation.historyShortfall(threeMore, backtest.firstCutoff(threeMore.lastMonth()), settings.scheme())).isNull();
  }

  @Test
  void aCutOffOutsideTheDataIsAShortfallToo() {
    assertThat(RollingOriginValidation.historyShortfall(table, SyntheticData.FIRST.minusMonths(1), settings.scheme())).isNotNull();
    assertThat(RollingOriginValidation.historyShortfall(table, SyntheticData.FIRST.plusMonths(80), settings.scheme()))
        .as("a cut-off after the last complete month").isNotNull();
  }
}
