package uk.patrolcast.forecast.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;

/** The exponentially weighted level features: their weights, their place in the row and their values. */
class ModelFeaturesTest {
  private static final FeatureTable TABLE = SyntheticData.table(6, 72, 5);

  @Test
  void weightsSumToOneAndHalveEveryHalfLife() {
    for (int h : new int[] {1, 6, 12, 24}) {
      double[] w = ModelFeatures.ewmaWeights(h);
      assertThat(w).hasSize(ModelFeatures.LONGEST_WINDOW);
      assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-12));
      assertThat(w[h] / w[0]).isCloseTo(0.5, within(1e-12));
      assertThat(w[2 * h < w.length ? 2 * h : h] / w[0]).isLessThanOrEqualTo(0.5);
    }
  }

  @Test
  void theLevelFeaturesFollowTheOtherDynamicOnesAndTheStandardSetIsUnchanged() {
    List<String> standard = ModelFeatures.of(true).names();
    List<String> withEwma = ModelFeatures.of(true, List.of(6, 24)).names();
    int at = standard.indexOf("targetMonth") + 1;
    assertThat(withEwma.subList(0, at)).isEqualTo(standard.subList(0, at));
    assertThat(withEwma.subList(at, at + 2)).containsExactly("ewma6", "ewma24");
    assertThat(withEwma.subList(at + 2, withEwma.size())).isEqualTo(standard.subList(at, standard.size()));
    assertThat(ModelFeatures.of(false, List.of()).names()).isEqualTo(ModelFeatures.of(false).names());
  }

  @Test
  void eachAreaGetsTheWeightedMeanOfItsOwnLastSixtyMonths() {
    ModelFeatures features = ModelFeatures.of(false, List.of(12));
    AreaProfiles areas = TABLE.areas();
    int n = areas.size();
    double[][] series = new double[n][];
    for (int i = 0; i < n; i++) {
      series[i] = new double[TABLE.counts().months()];
      for (int m = 0; m < series[i].length; m++) {
        series[i][m] = TABLE.counts().count(m, i);
      }
    }
    int t = 65;
    YearMonth origin = TABLE.counts().firstMonth().plusMonths(t);
    float[] row = new float[n * features.size()];
    features.fill(series, t, origin, areas, null, row, 0);
    int column = features.names().indexOf("ewma12");
    double[] w = ModelFeatures.ewmaWeights(12);
    for (int i = 0; i < n; i++) {
      double expected = 0;
      for (int k = 0; k < 60; k++) {
        expected += w[k] * series[i][t - k];
      }
      assertThat((double) row[i * features.size() + column]).isCloseTo(expected, within(1e-5));
    }
    // A window reaching before the series is missing, as the 60-month mean is.
    features.fill(series, 58, TABLE.counts().firstMonth().plusMonths(58), areas, null, row, 0);
    assertThat(row[column]).isNaN();
  }
}
