package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.data.FeatureTable;

/** Parameters survive their text form (manifests, evaluations, overrides), and max_bin reaches XGBoost. */
class BoosterParamsTest {

  @Test
  void parametersReadBackFromTheirTextForm() {
    BoosterParams tuned = BoosterParams.tuned();
    assertThat(BoosterParams.fromStrings(tuned.asStrings())).isEqualTo(tuned);
    Map<String, String> m = tuned.asStrings();
    m.put("max_bin", "256");
    assertThat(BoosterParams.fromStrings(m).maxBin()).isEqualTo(256);
    assertThat(BoosterParams.fromStrings(m).xgboost(1, 1)).containsEntry("max_bin", 256);
  }

  @Test
  void aManifestWrittenBeforeMaxBinWasAParameterLoadsWithTheSixtyFourBinsItWasTrainedWith() {
    Map<String, String> m = BoosterParams.tuned().asStrings();
    m.remove("max_bin");
    assertThat(BoosterParams.fromStrings(m).maxBin()).isEqualTo(64);
  }

  @Test
  void halfLivesReadBackAndOldManifestsHaveNone() {
    Map<String, String> m = BoosterParams.tuned().asStrings();
    m.put("ewma_half_lives", "6;12;24");
    BoosterParams p = BoosterParams.fromStrings(m);
    assertThat(p.ewmaHalfLives()).containsExactly(6, 12, 24);
    assertThat(p.asStrings()).containsEntry("ewma_half_lives", "6;12;24");
    m.remove("ewma_half_lives");
    assertThat(BoosterParams.fromStrings(m).ewmaHalfLives()).isEmpty();
    for (String bad : new String[] {"12;6", "0", "61", "6;6", "x"}) {
      m.put("ewma_half_lives", bad);
      assertThatThrownBy(() -> BoosterParams.fromStrings(m)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ewma_half_lives");
    }
  }

  @Test
  void recencyHalfLifeReadsBackIsOffInOldManifestsAndIsNeverNegative() {
    Map<String, String> m = BoosterParams.tuned().asStrings();
    m.put("recency_half_life", "24");
    assertThat(BoosterParams.fromStrings(m).recencyHalfLife()).isEqualTo(24);
    m.remove("recency_half_life");
    assertThat(BoosterParams.fromStrings(m).recencyHalfLife()).isZero();
    m.put("recency_half_life", "-1");
    assertThatThrownBy(() -> BoosterParams.fromStrings(m)).hasMessageContaining("recency_half_life");
  }

  @Test
  void fewerThanTwoBinsAreRefused() {
    Map<String, String> m = BoosterParams.tuned().asStrings();
    m.put("max_bin", "1");
    assertThatThrownBy(() -> BoosterParams.fromStrings(m)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_bin must be at least 2");
  }

  @Test
  void eachRecipeOptionChangesTheTreesXgboostGrows() {
    FeatureTable table = SyntheticData.table(12, 70, 2);
    ModelTrainer trainer = new ModelTrainer(SyntheticData.settings());
    String[][] options = {{"max_bin", "4", "256"}, {"recency_half_life", "0", "3"}, {"ewma_half_lives", "", "6;12"},
        {"monotone_increasing", "", "lag1;mean12"}};
    for (String[] o : options) {
      Map<String, String> a = SyntheticData.params().asStrings();
      a.put(o[0], o[1]);
      Map<String, String> b = SyntheticData.params().asStrings();
      b.put(o[0], o[2]);
      try (TrainedModel x = trainer.train(table, table.lastMonth().minusMonths(1), BoosterParams.fromStrings(a));
          TrainedModel y = trainer.train(table, table.lastMonth().minusMonths(1), BoosterParams.fromStrings(b))) {
        assertThat(x.model().boosterBytes()).as(o[0]).isNotEqualTo(y.model().boosterBytes());
        assertThat(x.version()).as(o[0]).isNotEqualTo(y.version());
      }
    }
  }

  @Test
  void monotoneFeaturesReadBackReachXgboostInFeatureOrderAndOldManifestsHaveNone() {
    Map<String, String> m = BoosterParams.tuned().asStrings();
    m.put("monotone_increasing", "mean12; lag1");
    BoosterParams p = BoosterParams.fromStrings(m);
    assertThat(p.monotoneIncreasing()).containsExactly("mean12", "lag1");
    assertThat(BoosterParams.fromStrings(p.asStrings())).isEqualTo(p);
    List<String> names = p.features().names();
    StringBuilder expected = new StringBuilder("(");
    for (int i = 0; i < names.size(); i++) {
      expected.append(i > 0 ? "," : "").append(names.get(i).equals("lag1") || names.get(i).equals("mean12") ? "1" : "0");
    }
    assertThat(p.xgboost(1, 1)).containsEntry("monotone_constraints", expected.append(')').toString());
    assertThat(BoosterParams.tuned().xgboost(1, 1)).doesNotContainKey("monotone_constraints");
    m.remove("monotone_increasing");
    assertThat(BoosterParams.fromStrings(m).monotoneIncreasing()).isEmpty();
  }

  @Test
  void aMonotoneFeatureMustBeOneTheRecipeReads() {
    assertThatThrownBy(() -> BoosterParams.tunedWith(List.of("monotone_increasing=lag7")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monotone_increasing names lag7");
    // ewma12 exists only when the recipe computes it
    assertThatThrownBy(() -> BoosterParams.tunedWith(List.of("monotone_increasing=ewma12"))).hasMessageContaining("ewma12");
    assertThat(BoosterParams.tunedWith(List.of("ewma_half_lives=12", "monotone_increasing=ewma12")).monotoneIncreasing())
        .containsExactly("ewma12");
    assertThatThrownBy(() -> BoosterParams.tunedWith(List.of("no_such_key=1"))).hasMessageContaining("no_such_key=1");
    assertThatThrownBy(() -> BoosterParams.tunedWith(List.of("max_depth=6", "eta=abc"))).hasMessage("eta=abc: 'abc' is not a number");
    assertThat(BoosterParams.tunedWith(List.of("monotone_increasing=ewma12", "ewma_half_lives=12")).monotoneIncreasing())
        .as("overrides in any order").containsExactly("ewma12");
  }

  /** The forecast never falls when a constrained feature rises, the rest held; without the constraint it does somewhere. */
  @Test
  void aConstrainedBoosterNeverForecastsLessForMoreHistory() {
    FeatureTable table = SyntheticData.table(12, 70, 2);
    ModelTrainer trainer = new ModelTrainer(SyntheticData.settings());
    Map<String, String> free = SyntheticData.params().asStrings();
    Map<String, String> constrained = SyntheticData.params().asStrings();
    constrained.put("monotone_increasing", "lag1;mean12");
    try (TrainedModel x = trainer.train(table, table.lastMonth().minusMonths(1), BoosterParams.fromStrings(free));
        TrainedModel y = trainer.train(table, table.lastMonth().minusMonths(1), BoosterParams.fromStrings(constrained))) {
      for (String feature : List.of("lag1", "mean12")) {
        assertThat(largestFall(y.model(), feature)).as(feature + ", constrained").isZero();
      }
      assertThat(Math.max(largestFall(x.model(), "lag1"), largestFall(x.model(), "mean12"))).as("unconstrained").isPositive();
    }
  }

  /** Over 200 seeded random rows, the largest drop of the forecast as {@code feature} steps up through 0..8. */
  private static double largestFall(CountModel model, String feature) {
    int width = model.features().size();
    int column = model.features().names().indexOf(feature);
    int steps = 33;
    SplittableRandom random = new SplittableRandom(7);
    double fall = 0;
    for (int r = 0; r < 200; r++) {
      float[] row = new float[width];
      for (int j = 0; j < width; j++) {
        row[j] = (float) (random.nextDouble() * 6);
      }
      float[] x = new float[steps * width];
      float[] priors = new float[steps];
      for (int s = 0; s < steps; s++) {
        System.arraycopy(row, 0, x, s * width, width);
        x[s * width + column] = s * 0.25f;
        priors[s] = 1 + row[0];
      }
      double[] p = model.predict(x, priors, steps);
      for (int s = 1; s < steps; s++) {
        fall = Math.max(fall, p[s - 1] - p[s]);
      }
    }
    return fall;
  }

  /** The search draws recipes with and without the risk score; a constraint on it stays only where it exists. */
  @Test
  void searchDrawsKeepTheConstraintsTheirFeaturesAllow() {
    BoosterParams start = BoosterParams.tunedWith(List.of("monotone_increasing=lag1;logRiskScore"));
    SplittableRandom random = new SplittableRandom(3);
    boolean withRisk = false;
    boolean withoutRisk = false;
    for (int i = 0; i < 40; i++) {
      BoosterParams p = HyperparameterSearch.draw(random, start);
      assertThat(p.monotoneIncreasing()).isEqualTo(p.withRisk() ? List.of("lag1", "logRiskScore") : List.of("lag1"));
      withRisk |= p.withRisk();
      withoutRisk |= !p.withRisk();
    }
    assertThat(withRisk && withoutRisk).isTrue();
  }
}
