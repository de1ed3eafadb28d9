package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.features.TrainingRows;

/** Early stopping waits for the same amount of learning whatever the learning rate; recency weights. */
class BoosterTrainingTest {

  @Test
  void recencyWeightsHalveEveryHalfLifeBackFromTheLatestOriginAndAverageOne() {
    int areas = 3;
    int[] origins = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22};
    TrainingRows rows = new TrainingRows(new float[origins.length * areas], new float[origins.length * areas],
        new float[origins.length * areas], areas, 1, origins);
    float[] w = BoosterTraining.recencyWeights(rows, 6);
    double sum = 0;
    for (float v : w) {
      sum += v;
    }
    assertThat(sum / w.length).isCloseTo(1.0, within(1e-6));
    int last = (origins.length - 1) * areas;
    assertThat(w[last]).isEqualTo(w[last + 2]); // every area of an origin alike
    assertThat((double) w[last - 6 * areas] / w[last]).isCloseTo(0.5, within(1e-6));
    assertThat((double) w[0] / w[last]).isCloseTo(0.25, within(1e-6));
  }

  @Test
  void patienceScalesInverselyWithTheLearningRateAndHasAFloor() {
    assertThat(BoosterTraining.earlyStoppingRounds(withEta(0.1))).isEqualTo(40);
    assertThat(BoosterTraining.earlyStoppingRounds(withEta(0.2))).isEqualTo(20);
    assertThat(BoosterTraining.earlyStoppingRounds(withEta(0.15))).isEqualTo(27);
    assertThat(BoosterTraining.earlyStoppingRounds(withEta(0.25))).isEqualTo(16);
    assertThat(BoosterTraining.earlyStoppingRounds(withEta(0.6))).isEqualTo(10);
  }

  private static BoosterParams withEta(double eta) {
    BoosterParams p = SyntheticData.params();
    return new BoosterParams(p.objective(), eta, p.maxDepth(), p.minChildWeight(), p.subsample(), p.colsampleByTree(), p.lambda(), p.alpha(),
        p.gamma(), p.maxDeltaStep(), p.tweedieVariancePower(), p.trainYears(), p.offset(), p.withRisk(), p.maxRounds(),
        p.maxBin(), p.ewmaHalfLives(), p.recencyHalfLife(), p.monotoneIncreasing());
  }
}
