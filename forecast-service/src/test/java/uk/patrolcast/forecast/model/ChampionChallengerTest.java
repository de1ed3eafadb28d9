package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.data.FeatureTable;

class ChampionChallengerTest {
  private static final FeatureTable TABLE = SyntheticData.table(40, 84, 4);
  private static final YearMonth CHAMPION_CUTOFF = SyntheticData.FIRST.plusMonths(76);
  private static final YearMonth CHALLENGER_CUTOFF = SyntheticData.FIRST.plusMonths(77);
  private static final ModelTrainer.Settings SETTINGS = SyntheticData.settings();

  /** A recipe that cannot learn: one shallow round at a tiny learning rate, without the offset. */
  private static BoosterParams weak() {
    return new BoosterParams(BoosterParams.SQUARED, 0.001, 1, 5, 0.8, 0.8, 1, 0, 0, 0, 1.3, 2, false, false, 1, 64, List.of(), 0, List.of());
  }

  @Test
  void aBetterChallengerIsPromoted() {
    try (TrainedModel champion = train(CHAMPION_CUTOFF, weak())) {
      List<FoldResult> folds = folds(SyntheticData.params());
      try (TrainedModel challenger = new ModelTrainer(SETTINGS).train(TABLE, CHALLENGER_CUTOFF, SyntheticData.params(), folds, List.of())) {
        ChampionChallenger.Decision d = ChampionChallenger.decide(champion, challenger, folds, TABLE, SETTINGS);
        assertThat(d.promoted()).isTrue();
        assertThat(d.challengerScore()).isLessThan(d.championScore());
        assertThat(d.reason()).startsWith("Promoted");
        assertThat(d.windowTo()).isEqualTo(CHALLENGER_CUTOFF);
        assertThat(d.championMetrics()).isNotEmpty();
        assertThat(d.challengerMetrics()).isNotEmpty();
      }
    }
  }

  @Test
  void aWorseChallengerIsRefused() {
    try (TrainedModel champion = train(CHAMPION_CUTOFF, SyntheticData.params())) {
      List<FoldResult> folds = folds(weak());
      try (TrainedModel challenger = new ModelTrainer(SETTINGS).train(TABLE, CHALLENGER_CUTOFF, weak(), folds, List.of())) {
        ChampionChallenger.Decision d = ChampionChallenger.decide(champion, challenger, folds, TABLE, SETTINGS);
        assertThat(d.promoted()).isFalse();
        assertThat(d.challengerScore()).isGreaterThan(d.championScore());
        assertThat(d.reason()).startsWith("Refused");
      }
    }
  }

  @Test
  void theSameRecipeOnNewerDataIsARefreshAndIsPromoted() {
    try (TrainedModel champion = train(CHAMPION_CUTOFF, SyntheticData.params())) {
      List<FoldResult> folds = folds(SyntheticData.params());
      try (TrainedModel challenger = new ModelTrainer(SETTINGS).train(TABLE, CHALLENGER_CUTOFF, SyntheticData.params(), folds, List.of())) {
        ChampionChallenger.Decision d = ChampionChallenger.decide(champion, challenger, folds, TABLE, SETTINGS);
        assertThat(d.challengerScore()).isEqualTo(d.championScore());
        assertThat(d.promoted()).isTrue();
      }
    }
  }

  private static TrainedModel train(YearMonth cutoff, BoosterParams p) {
    return new ModelTrainer(SETTINGS).train(TABLE, cutoff, p);
  }

  private static List<FoldResult> folds(BoosterParams p) {
    return RollingOriginValidation.run(TABLE, CHALLENGER_CUTOFF, p, SETTINGS.scheme(), SETTINGS.seed(), SETTINGS.threads());
  }
}
