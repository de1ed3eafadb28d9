package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;

/** Early stopping waits for the same amount of learning whatever the learning rate. */
class BoosterTrainingTest {

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
        p.maxBin(), p.ewmaHalfLives(), p.recencyHalfLife());
  }
}
