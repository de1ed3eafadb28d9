package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.features.ModelFeatures;
import uk.patrolcast.forecast.features.TrainingRows;

/** Recursion, ward sums, determinism and saved models, on one small trained model. */
class ForecastingTest {
  private static final FeatureTable TABLE = SyntheticData.table(40, 84, 3);
  private static final YearMonth CUTOFF = SyntheticData.FIRST.plusMonths(77);
  private static TrainedModel model;

  @BeforeAll
  static void train() {
    model = new ModelTrainer(SyntheticData.settings()).train(TABLE, CUTOFF, SyntheticData.params());
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void horizonTwoAppliesTheModelToFeaturesBuiltFromTheHorizonOnePrediction() {
    FeatureTable upTo = TABLE.upTo(CUTOFF);
    ForecastSet set = new Forecaster(3).forecast(model, upTo);
    int n = upTo.areas().size();
    int t = upTo.counts().months() - 1;
    ModelFeatures features = model.model().features();
    // The history with the horizon-1 means in place of the unseen month t+1.
    double[][] series = new double[n][t + 2];
    for (int i = 0; i < n; i++) {
      for (int m = 0; m <= t; m++) {
        series[i][m] = upTo.counts().count(m, i);
      }
      series[i][t + 1] = set.mean()[0][i];
    }
    float[] rows = new float[n * features.size()];
    features.fill(series, t + 1, CUTOFF.plusMonths(1), upTo.areas(), null, rows, 0);
    float[] priors = new float[n];
    for (int i = 0; i < n; i++) {
      priors[i] = (float) ModelFeatures.prior(series[i], t + 1, TrainingRows.PRIOR_FLOOR);
    }
    double[] expected = model.model().predict(rows, priors, n);
    assertThat(set.mean()[1]).containsExactly(expected);
    // And the recursion really feeds forward: horizon 2 differs from a one-step forecast that ignored month t+1.
    features.fill(series, t, CUTOFF, upTo.areas(), null, rows, 0);
    assertThat(set.mean()[1]).isNotEqualTo(set.mean()[0]);
    assertThat(set.horizons()).isEqualTo(12);
    for (int h = 0; h < 12; h++) {
      for (double v : set.mean()[h]) {
        assertThat(v).isFinite().isGreaterThanOrEqualTo(0);
      }
    }
  }

  @Test
  void wardForecastsSumTheirAreasAndHaveTheirOwnIntervals() {
    ForecastSet set = new Forecaster(3).forecast(model, TABLE.upTo(CUTOFF));
    AreaProfiles.WardIndex wards = set.wards();
    for (int h = 0; h < set.horizons(); h++) {
      double[] sums = new double[wards.size()];
      double[] lowerSums = new double[wards.size()];
      for (int i = 0; i < set.areas().size(); i++) {
        sums[wards.wardOf()[i]] += set.mean()[h][i];
        lowerSums[wards.wardOf()[i]] += set.lower()[h][i];
      }
      for (int w = 0; w < wards.size(); w++) {
        assertThat(set.wardMean()[h][w]).isCloseTo(sums[w], within(1e-9));
        assertThat(set.wardLower()[h][w]).isLessThanOrEqualTo(set.wardMean()[h][w]);
        assertThat(set.wardUpper()[h][w]).isGreaterThanOrEqualTo(set.wardMean()[h][w]);
        double expectedUpper = model.intervals().wardUpper(set.wardMean()[h][w], h + 1);
        assertThat(set.wardUpper()[h][w]).isEqualTo(expectedUpper);
      }
    }
    assertThat(wards.size()).isEqualTo(10);
  }

  @Test
  void twoRunsGiveIdenticalModelsAndForecasts() {
    ModelTrainer trainer = new ModelTrainer(SyntheticData.settings());
    try (TrainedModel again = trainer.train(TABLE, CUTOFF, SyntheticData.params())) {
      assertThat(again.version()).isEqualTo(model.version());
      assertThat(again.model().boosterBytes()).isEqualTo(model.model().boosterBytes());
      ForecastSet a = new Forecaster(3).forecast(model, TABLE);
      ForecastSet b = new Forecaster(3).forecast(again, TABLE);
      for (int h = 0; h < 12; h++) {
        assertThat(b.mean()[h]).containsExactly(a.mean()[h]);
        assertThat(b.upper()[h]).containsExactly(a.upper()[h]);
        assertThat(b.wardMean()[h]).containsExactly(a.wardMean()[h]);
      }
      assertThat(b.drivers()).isEqualTo(a.drivers());
    }
  }

  @Test
  void driversAreTheLargestShapContributions() {
    ForecastSet set = new Forecaster(4).forecast(model, TABLE.upTo(CUTOFF));
    for (var drivers : set.drivers()) {
      assertThat(drivers).hasSize(4);
      for (int k = 1; k < drivers.size(); k++) {
        assertThat(Math.abs(drivers.get(k - 1).contribution())).isGreaterThanOrEqualTo(Math.abs(drivers.get(k).contribution()));
      }
      assertThat(model.model().featureNames()).contains(drivers.get(0).feature());
    }
    assertThat(model.importances()).isNotEmpty();
    assertThat(model.importances().get(0).meanAbsShap()).isGreaterThan(0);
  }

  @Test
  void withoutDriversTheForecastIsTheSameAndCarriesNoDrivers() {
    ForecastSet with = new Forecaster(4).forecast(model, TABLE.upTo(CUTOFF));
    ForecastSet without = new Forecaster(0).forecast(model, TABLE.upTo(CUTOFF));
    assertThat(without.mean()).isDeepEqualTo(with.mean());
    assertThat(without.lower()).isDeepEqualTo(with.lower());
    assertThat(without.upper()).isDeepEqualTo(with.upper());
    assertThat(without.drivers()).hasSize(TABLE.areas().size()).allSatisfy(d -> assertThat(d).isEmpty());
  }

  @Test
  void explainingTheMeansGivesWhatAForecastWithDriversGives() {
    FeatureTable known = TABLE.upTo(CUTOFF);
    ForecastSet whole = new Forecaster(4).forecast(model, known);
    ForecastSet means = new Forecaster(0).forecast(model, known);
    ForecastSet explained = new Forecaster(4).explain(model, known, means);
    assertThat(explained.drivers()).isEqualTo(whole.drivers());
    assertThat(explained.mean()).isDeepEqualTo(whole.mean());
    assertThat(explained.lower()).isDeepEqualTo(whole.lower());
    assertThat(explained.upper()).isDeepEqualTo(whole.upper());
    assertThat(explained.wardMean()).isDeepEqualTo(whole.wardMean());
    assertThat(explained.modelVersion()).isEqualTo(whole.modelVersion());
    // Forecasts of another origin are not this table's to explain.
    assertThatThrownBy(() -> new Forecaster(4).explain(model, TABLE.upTo(CUTOFF.minusMonths(1)), means))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSavedModelLoadsAfterARestartAndForecastsTheSame(@TempDir Path dir) {
    ModelStore store = new ModelStore(dir);
    store.save(model, 2);
    store.setChampion(model.version());
    ModelStore reopened = new ModelStore(dir);
    assertThat(reopened.champion()).contains(model.version());
    try (TrainedModel loaded = reopened.load(model.version(), 2)) {
      assertThat(loaded.params()).isEqualTo(model.params());
      assertThat(loaded.trainUntil()).isEqualTo(CUTOFF);
      assertThat(loaded.trainFrom()).isEqualTo(model.trainFrom());
      assertThat(loaded.model().featureNames()).isEqualTo(model.model().featureNames());
      assertThat(loaded.intervals().areaLevel()).containsExactly(model.intervals().areaLevel());
      assertThat(loaded.validation()).isEqualTo(model.validation());
      ForecastSet a = new Forecaster(3).forecast(model, TABLE);
      ForecastSet b = new Forecaster(3).forecast(loaded, TABLE);
      for (int h = 0; h < 12; h++) {
        assertThat(b.mean()[h]).containsExactly(a.mean()[h]);
        assertThat(b.lower()[h]).containsExactly(a.lower()[h]);
      }
    }
  }

  @Test
  void aDamagedBoosterFileIsRefused(@TempDir Path dir) throws Exception {
    ModelStore store = new ModelStore(dir);
    store.save(model, 2);
    java.nio.file.Files.write(dir.resolve(model.version()).resolve("booster.ubj"), new byte[] {1, 2, 3});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.load(model.version(), 2)).hasMessageContaining("SHA-256");
  }
}
