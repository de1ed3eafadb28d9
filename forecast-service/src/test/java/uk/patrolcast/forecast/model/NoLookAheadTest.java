package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.features.ModelFeatures;
import uk.patrolcast.forecast.features.PointInTimeRisk;
import uk.patrolcast.forecast.features.TrainingRows;
import uk.patrolcast.forecast.risk.RiskRegression;

/**
 * Nothing after an origin or a training cut-off may reach a feature, a training row, a model or a
 * forecast: each test changes every count after that month and demands identical results.
 */
class NoLookAheadTest {
  private static final FeatureTable TABLE = SyntheticData.table(40, 84, 3);
  private static final YearMonth CUTOFF = SyntheticData.FIRST.plusMonths(77);

  @Test
  void everyTrainingRowIsBuiltFromItsOriginAndEarlierMonthsOnly() {
    ModelFeatures features = ModelFeatures.of(true, java.util.List.of(6, 12));
    YearMonth first = SyntheticData.FIRST.plusMonths(ModelFeatures.LONGEST_WINDOW - 1);
    TrainingRows all = TrainingRows.build(TABLE, features, first, CUTOFF.minusMonths(1), new PointInTimeRisk(TABLE));
    int per = TABLE.areas().size() * features.size();
    for (YearMonth origin = first; origin.isBefore(CUTOFF); origin = origin.plusMonths(1)) {
      FeatureTable altered = SyntheticData.alteredAfter(TABLE, origin, origin.getMonthValue());
      TrainingRows one = TrainingRows.build(altered, features, origin, origin, new PointInTimeRisk(altered));
      int k = TABLE.counts().indexOf(origin) - TABLE.counts().indexOf(first);
      float[] expected = java.util.Arrays.copyOfRange(all.features(), k * per, (k + 1) * per);
      assertThat(one.features()).as("features of origin %s", origin).containsExactly(expected);
      assertThat(one.priors()[0]).isEqualTo(all.priors()[k * TABLE.areas().size()]);
    }
  }

  @Test
  void theLabelIsTheCountOfTheMonthAfterTheOrigin() {
    ModelFeatures features = ModelFeatures.of(false);
    TrainingRows rows = TrainingRows.build(TABLE, features, CUTOFF.minusMonths(2), CUTOFF.minusMonths(1), null);
    int n = TABLE.areas().size();
    int t = TABLE.counts().indexOf(CUTOFF.minusMonths(2));
    for (int i = 0; i < n; i++) {
      assertThat(rows.labels()[i]).isEqualTo(TABLE.counts().count(t + 1, i));
      assertThat(rows.labels()[n + i]).isEqualTo(TABLE.counts().count(t + 2, i));
      // lag1 (the first feature) is the count of the origin itself.
      assertThat(rows.features()[i * features.size()]).isEqualTo(TABLE.counts().count(t, i));
    }
  }

  @Test
  void theTrainedModelAndTheRiskScoreIgnoreEveryMonthAfterTheCutoff() {
    ModelTrainer trainer = new ModelTrainer(SyntheticData.settings());
    BoosterParams params = SyntheticData.params();
    FeatureTable altered = SyntheticData.alteredAfter(TABLE, CUTOFF, 99);
    try (TrainedModel a = trainer.train(TABLE, CUTOFF, params); TrainedModel b = trainer.train(altered, CUTOFF, params)) {
      assertThat(b.model().boosterBytes()).isEqualTo(a.model().boosterBytes());
      assertThat(b.version()).isEqualTo(a.version());
      assertThat(b.intervals().areaDispersion()).containsExactly(a.intervals().areaDispersion());
    }
    assertThat(RiskRegression.fit(altered, CUTOFF, 36).logRisk()).containsExactly(RiskRegression.fit(TABLE, CUTOFF, 36).logRisk());
  }

  @Test
  void aForecastReadsNothingAfterItsOrigin() {
    ModelTrainer trainer = new ModelTrainer(SyntheticData.settings());
    try (TrainedModel model = trainer.train(TABLE, CUTOFF, SyntheticData.params())) {
      YearMonth origin = CUTOFF.plusMonths(2);
      Forecaster f = new Forecaster(3);
      ForecastSet a = f.forecast(model, TABLE.upTo(origin));
      ForecastSet b = f.forecast(model, SyntheticData.alteredAfter(TABLE, origin, 5).upTo(origin));
      for (int h = 0; h < a.horizons(); h++) {
        assertThat(b.mean()[h]).containsExactly(a.mean()[h]);
      }
      // The table handed to a forecast ends at its origin: later months are simply not there.
      assertThat(TABLE.upTo(origin).lastMonth()).isEqualTo(origin);
    }
  }

  @Test
  void validationFoldsEndAtTheCutoff() {
    ValidationScheme scheme = SyntheticData.settings().scheme();
    for (YearMonth c : scheme.cutoffs(CUTOFF)) {
      assertThat(c.plusMonths(scheme.windowMonths())).isBeforeOrEqualTo(CUTOFF);
    }
    assertThat(scheme.cutoffs(CUTOFF).get(0).plusMonths(scheme.windowMonths())).isEqualTo(CUTOFF);
  }
}
