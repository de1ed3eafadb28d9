package uk.patrolcast.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixture's stand-in allocator must honour the model, or the what-if checks would prove nothing. */
class GreedyPlannerTest {
  private static final YearMonth FEB = YearMonth.of(2023, 2);

  @Test
  void boundsAndBudgetHoldAndRiskierAreasGetMore() {
    double[] risk = {0.1, 1, 5, 0.5};
    double[] area = {1, 1, 1, 4};
    String[] borough = {"B1", "B1", "B2", "B2"};
    GreedyPlanner.MonthPlan p = GreedyPlanner.plan(FEB, risk, area, borough, GreedyPlanner.Settings.defaults());
    double total = 0;
    for (int i = 0; i < risk.length; i++) {
      assertThat(p.hours()[i]).isBetween(p.min()[i], p.max()[i]);
      assertThat(p.hours()[i] % 0.5).isZero();
      total += p.hours()[i];
    }
    assertThat(p.min()[0]).isEqualTo(28);
    assertThat(p.max()[0]).isEqualTo(72.5);
    assertThat(p.max()[3]).isEqualTo(145.5);
    assertThat(total).isLessThanOrEqualTo(1.8 * 28 * 4 + 1e-9).isGreaterThan(1.8 * 28 * 4 - 0.5);
    assertThat(p.hours()[2]).isGreaterThan(p.hours()[1]).isGreaterThan(p.hours()[0]);
    assertThat(p.binding()).contains("budget 2023-02");
  }

  @Test
  void greedyMatchesExhaustiveSearchOnASmallCase() {
    double[] risk = {2, 1, 3};
    double[] area = {1, 1, 1};
    String[] borough = {"B", "B", "B"};
    var s = new GreedyPlanner.Settings(0.5, 1.0 / 28, 4.0 / 28, 1, 2.5 / 28, Map.of());
    GreedyPlanner.MonthPlan p = GreedyPlanner.plan(FEB, risk, area, borough, s);
    // Hours 1..4 in half-hour blocks, 7.5 in all: try every allocation.
    double best = -1;
    for (double a = 1; a <= 4; a += 0.5) {
      for (double b = 1; b <= 4; b += 0.5) {
        double c = 7.5 - a - b;
        if (c >= 1 && c <= 4) {
          double alpha = 1 / Math.log(5);
          best = Math.max(best, alpha * (2 * Math.log(1 + a) + Math.log(1 + b) + 3 * Math.log(1 + c)));
        }
      }
    }
    assertThat(p.objective()).isCloseTo(best, within(1e-9));
  }

  @Test
  void floorsAboveTheBudgetAreRefusedWithTheNumbers() {
    var s = new GreedyPlanner.Settings(0.5, 2.0, 2.6, 2, 1.5, Map.of());
    GreedyPlanner.MonthPlan p = GreedyPlanner.plan(FEB, new double[] {1, 1}, new double[] {1, 1}, new String[] {"B", "B"}, s);
    assertThat(p.hours()).isNull();
    assertThat(p.message()).contains("floors need 112.0 h").contains("budget is 84.0 h");
  }

  @Test
  void boroughCapsAreRespected() {
    var s = new GreedyPlanner.Settings(0.5, 1.0, 2.6, 2, 1.8, Map.of("B2", 60.0));
    GreedyPlanner.MonthPlan p = GreedyPlanner.plan(FEB, new double[] {1, 5}, new double[] {1, 1}, new String[] {"B1", "B2"}, s);
    assertThat(p.hours()[1]).isEqualTo(60);
    assertThat(p.binding()).contains("borough cap B2 2023-02");
  }
}
