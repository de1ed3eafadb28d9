package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LagFeaturesTest {
  //                                            0  1  2  3  4  5  6  7  8  9 10 11 12
  private static final MonthlySeries SERIES = MonthlySeries.of(2, 0, 1, 3, 0, 0, 4, 1, 2, 0, 0, 5, 1);

  @Test
  void lagsCountBackFromTheMonthAfterT() {
    LagFeatures f = LagFeatures.of(SERIES, 12);
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.lag1()).isEqualTo(1); // t itself
    assertThat(f.lag2()).isEqualTo(5); // t-1
    assertThat(f.lag3()).isEqualTo(0); // t-2
    assertThat(f.lag6()).isEqualTo(1); // t-5 = index 7
    assertThat(f.lag12()).isEqualTo(0); // t-11 = index 1
  }

  @Test
  void rollingMeansEndAtTAndTrendComparesTheLastTwoQuarters() {
    LagFeatures f = LagFeatures.of(SERIES, 12);
    assertThat(f.mean3()).isEqualTo(2.0); // (0 + 5 + 1) / 3
    assertThat(f.mean6()).isEqualTo(1.5); // (1 + 2 + 0 + 0 + 5 + 1) / 6
    assertThat(f.mean12()).isCloseTo(17 / 12.0, within(1e-12)); // indices 1..12
    assertThat(f.mean24()).isNull(); // reaches before the data
    assertThat(f.trend3()).isEqualTo(1.0); // 2.0 - (1 + 2 + 0) / 3
    assertThat(f.monthsSinceLast()).isZero();
  }

  @Test
  void windowsThatReachBeforeTheFirstMonthAreNull() {
    LagFeatures second = LagFeatures.of(SERIES, 1);
    assertThat(second.lag1()).isEqualTo(0);
    assertThat(second.lag2()).isEqualTo(2);
    assertThat(second.lag3()).isNull();
    assertThat(second.mean3()).isNull();
    assertThat(second.trend3()).isNull();
    assertThat(second.monthsSinceLast()).isEqualTo(1);

    LagFeatures twelfth = LagFeatures.of(SERIES, 11);
    assertThat(twelfth.lag12()).isEqualTo(2); // index 0: just inside
    assertThat(twelfth.mean12()).isEqualTo(1.5); // 18 / 12
    assertThat(LagFeatures.of(SERIES, 10).lag12()).isNull();
    assertThat(LagFeatures.of(SERIES, 5).trend3()).isEqualTo(0.0); // (3+0+0)/3 - (2+0+1)/3
    assertThat(LagFeatures.of(SERIES, 7).trend3()).isCloseTo(1 / 3.0, within(1e-12)); // (0+4+1)/3 - (1+3+0)/3
  }

  @Test
  void monthsSinceLastIsNullWithoutAnyBurglary() {
    assertThat(LagFeatures.of(MonthlySeries.of(0, 0, 0), 2).monthsSinceLast()).isNull();
    assertThat(LagFeatures.of(MonthlySeries.of(1, 0, 0), 2).monthsSinceLast()).isEqualTo(2);
  }

  @Test
  void aMonthBeforeTheDataIsRefused() {
    assertThatThrownBy(() -> LagFeatures.of(SERIES, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
