package uk.patrolcast.forecast.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void hitRateCountsTheBurglariesInTheTopShareAndSplitsTiesAtTheCut() {
    double[] predicted = {5, 4, 4, 1, 0, 0, 0, 0, 0, 0};
    int[] actual = {3, 2, 0, 1, 0, 0, 0, 0, 0, 4};
    // Top 10% = 1 area: the one predicted 5 holds 3 of 10 burglaries.
    assertThat(HitRate.of(predicted, actual, 0.1)).isCloseTo(0.3, within(1e-12));
    // Top 20% = 2 areas: 5, then half of the tie at 4 (2 and 0 burglaries): (3 + 1) / 10.
    assertThat(HitRate.of(predicted, actual, 0.2)).isCloseTo(0.4, within(1e-12));
    // A fractional share takes part of the tie: 1.5 areas = the 5 and a quarter of the tie.
    assertThat(HitRate.of(predicted, actual, 0.15)).isCloseTo((3 + 0.25 * 2) / 10, within(1e-12));
  }

  @Test
  void metricsMatchHandComputedValues() {
    double[] p = {1, 2, 0.5, 0};
    int[] y = {0, 2, 1, 3};
    MetricValues m = Metrics.compute("model", 1, null, List.of(new MonthScores(p, y, new double[] {0, 1, 0, 0}, new double[] {1, 3, 1, 1})));
    assertThat(m.n()).isEqualTo(4);
    assertThat(m.mae()).isCloseTo((1 + 0 + 0.5 + 3) / 4.0, within(1e-12));
    assertThat(m.rmse()).isCloseTo(Math.sqrt((1 + 0 + 0.25 + 9) / 4.0), within(1e-12));
    assertThat(m.bias()).isCloseTo((1 + 0 - 0.5 - 3) / 4.0, within(1e-12));
    double sst = (1.5 * 1.5 + 0.5 * 0.5 + 0.5 * 0.5 + 1.5 * 1.5);
    assertThat(m.r2()).isCloseTo(1 - 10.25 / sst, within(1e-12));
    double dev = (2 * 1 + 0 + 2 * (Math.log(2) - 0.5) + 2 * (3 * Math.log(3 / Metrics.DEVIANCE_FLOOR) - (3 - Metrics.DEVIANCE_FLOOR))) / 4;
    assertThat(m.poissonDeviance()).isCloseTo(dev, within(1e-12));
    assertThat(m.coverage80()).isCloseTo(0.75, within(1e-12));
    assertThat(m.pai5()).isCloseTo(m.hitRate5() / 0.05, within(1e-12));
  }

  @Test
  void baselinesUseOnlyTheOriginAndEarlierMonths() {
    double[][] series = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 100, 100}};
    int t = 14;
    assertThat(Baselines.forecast("last_month", series, t, 1)[0]).isEqualTo(15);
    assertThat(Baselines.forecast("mean_3", series, t, 2)[0]).isEqualTo(14);
    assertThat(Baselines.forecast("mean_12", series, t, 1)[0]).isEqualTo((4 + 15) / 2.0);
    assertThat(Baselines.forecast("mean_36", series, t, 1)[0]).isEqualTo(8);
    // Same month last year for t+3 is t+3-12 = index 5.
    assertThat(Baselines.forecast("same_month_last_year", series, t, 3)[0]).isEqualTo(6);
  }
}
