package uk.patrolcast.forecast.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyHitGainsTest {
  private static final YearMonth FROM = YearMonth.of(2023, 3);

  /** Cumulative means of the given monthly hit rates, as a backtest publishes them. */
  private static List<MonthlyHitGains.Cumulative> cumulative(double[] model, double[] baseline) {
    List<MonthlyHitGains.Cumulative> out = new ArrayList<>();
    double m = 0;
    double b = 0;
    for (int i = 0; i < model.length; i++) {
      m += model[i];
      b += baseline[i];
      out.add(new MonthlyHitGains.Cumulative(FROM.plusMonths(i), m / (i + 1), b / (i + 1)));
    }
    return out;
  }

  @Test
  void recoversEachMonthsGainAndTheStandardErrorOfTheirMean() {
    double[] model = {0.170, 0.160, 0.175, 0.165};
    double[] baseline = {0.160, 0.162, 0.168, 0.160};
    MonthlyHitGains g = MonthlyHitGains.of(FROM, cumulative(model, baseline)).orElseThrow();
    assertThat(g.points()).hasSize(4);
    double[] expected = {1.0, -0.2, 0.7, 0.5};
    for (int i = 0; i < 4; i++) {
      assertThat(g.points().get(i)).isCloseTo(expected[i], within(1e-9));
    }
    assertThat(g.meanPoints()).isCloseTo(0.5, within(1e-9));
    // deviations 0.5, -0.7, 0.2, 0: variance 0.78 / 3 = 0.26; SE = sqrt(0.26) / 2
    assertThat(g.standardErrorPoints()).isCloseTo(Math.sqrt(0.26) / 2, within(1e-9));
  }

  @Test
  void aMissingOrRepeatedMonthGivesNoFigureRatherThanAWrongOne() {
    List<MonthlyHitGains.Cumulative> c = cumulative(new double[] {0.17, 0.16, 0.18}, new double[] {0.16, 0.16, 0.16});
    assertThat(MonthlyHitGains.of(FROM, List.of(c.get(0), c.get(2)))).isEmpty();
    assertThat(MonthlyHitGains.of(FROM, List.of(c.get(0), c.get(0), c.get(1)))).isEmpty();
    assertThat(MonthlyHitGains.of(FROM.plusMonths(1), c)).isEmpty();
    assertThat(MonthlyHitGains.of(FROM, c.subList(0, 1))).isEmpty();
  }
}
