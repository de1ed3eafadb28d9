package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeighbourFeaturesTest {

  @Test
  void everyFeatureIsTheMeanOfTheNeighboursOwn() {
    LagFeatures a = LagFeatures.of(MonthlySeries.of(1, 2, 3, 4, 5, 6), 5);
    LagFeatures b = LagFeatures.of(MonthlySeries.of(0, 0, 0, 2, 0, 1), 5);
    NeighbourFeatures n = NeighbourFeatures.of(List.of(a, b));
    assertThat(n.neighbourCount()).isEqualTo(2);
    assertThat(n.lag1()).isEqualTo((6 + 1) / 2.0);
    assertThat(n.lag2()).isEqualTo((5 + 0) / 2.0);
    assertThat(n.lag3()).isEqualTo((4 + 2) / 2.0);
    assertThat(n.lag6()).isEqualTo((1 + 0) / 2.0);
    assertThat(n.mean3()).isEqualTo((5.0 + 1.0) / 2); // a: (4+5+6)/3, b: (2+0+1)/3
    assertThat(n.mean6()).isEqualTo((3.5 + 0.5) / 2);
    assertThat(n.lag12()).isNull();
    assertThat(n.mean12()).isNull();
    assertThat(n.mean24()).isNull();
  }

  @Test
  void anAreaWithoutNeighboursHasNoSpatialFeatures() {
    NeighbourFeatures n = NeighbourFeatures.of(List.of());
    assertThat(n.neighbourCount()).isZero();
    assertThat(n.lag1()).isNull();
    assertThat(n.mean3()).isNull();
  }
}
