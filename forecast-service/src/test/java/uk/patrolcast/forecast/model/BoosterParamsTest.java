package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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
    String[][] options = {{"max_bin", "4", "256"}, {"recency_half_life", "0", "3"}, {"ewma_half_lives", "", "6;12"}};
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
}
