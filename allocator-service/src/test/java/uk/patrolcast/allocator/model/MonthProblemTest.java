package uk.patrolcast.allocator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthProblemTest {

  @Test
  void boundsBudgetFloorsAndWeightsFollowTheModel() {
    // Three LSOAs of one ward: areas 1, 1 and 4 km2 (mean 2): scales 1, 1 and 2.
    List<Area> areas = List.of(
        Fixtures.area("A", "W1", "B1", 1, 1000), Fixtures.area("B", "W1", "B1", 1, 1000),
        Fixtures.area("C", "W2", "B1", 4, 2000));
    ForecastSet f = Fixtures.flat("2024-02", Map.of("A", 2.0, "B", 0.0, "C", 1.0));
    MonthProblem p = MonthProblem.of(AreaUniverse.of(areas), AllocationSettings.defaults(), f, 0, null);
    assertThat(p.month()).isEqualTo("2024-03");
    assertThat(p.days()).isEqualTo(31);
    // min 1.0 x 31 = 31 h = 62 blocks; max 2.6 x 31 = 80.6 h -> 80.5 h = 161 blocks; C: 161.2 h -> 161 h.
    assertThat(p.lo(0)).isEqualTo(62);
    assertThat(p.hi(0)).isEqualTo(161);
    assertThat(p.hi(2)).isEqualTo(322);
    // alpha = 1 / ln(1 + max) with the LSOA's own max and its own forecast.
    assertThat(p.weight(0)).isCloseTo(2.0 / Math.log(81.5), within(1e-12));
    assertThat(p.weight(1)).isZero();
    assertThat(p.weight(2)).isCloseTo(1.0 / Math.log(162), within(1e-12));
    // Budget 1.8 x 3 x 31 = 167.4 h -> 334 blocks; ward floors 0.5 x pop share x budget, rounded up.
    assertThat(p.budgetHours()).isCloseTo(167.4, within(1e-9));
    assertThat(p.totalCap()).isEqualTo(334);
    assertThat(p.wardFloorHours(0)).isCloseTo(0.5 * 0.5 * 167.4, within(1e-9));
    assertThat(p.wardFloor(0)).isEqualTo(84); // 41.85 h -> 42 h
  }

  @Test
  void officerHoursTightenTheLondonCapAndSmoothingTheBounds() {
    List<Area> areas = Fixtures.grid(1, 2, 1);
    ForecastSet f = Fixtures.flat("2024-03", areas, i -> 1);
    // 2024-04 has 30 days; 200 officer-hours with duo patrols allow 100 patrol hours = 200 blocks.
    AllocationSettings s = Fixtures.settings(1.8, 0.5, 200.0, 3.0, Map.of(), Map.of());
    var previous = PlanHoursFixture.random(new java.util.Random(1), areas, "2024-03", 0.5);
    MonthProblem p = MonthProblem.of(AreaUniverse.of(areas), s, f, 0, previous.hours());
    assertThat(p.totalCap()).isEqualTo(200);
    double before = previous.hours().hours("2024-04", areas.get(0).lsoa21cd());
    assertThat(p.lo(0) * 0.5).isEqualTo(Math.max(30, Math.ceil((before - 3) * 2) / 2));
    assertThat(p.hi(0) * 0.5).isEqualTo(Math.min(78, Math.floor((before + 3) * 2) / 2));
  }

  @Test
  void aMissingOrNegativeForecastIsRefusedByName() {
    List<Area> areas = Fixtures.grid(1, 2, 1);
    ForecastSet negative = Fixtures.flat("2024-02", Map.of(areas.get(0).lsoa21cd(), -1.0, areas.get(1).lsoa21cd(), 1.0));
    assertThatThrownBy(() -> MonthProblem.of(AreaUniverse.of(areas), AllocationSettings.defaults(), negative, 0, null))
        .hasMessageContaining("forecast of LSOA E000000 for 2024-03 is -1.0");
    ForecastSet missing = Fixtures.flat("2024-02", Map.of(areas.get(0).lsoa21cd(), 1.0));
    assertThatThrownBy(() -> MonthProblem.of(AreaUniverse.of(areas), AllocationSettings.defaults(), missing, 0, null))
        .hasMessageContaining("forecast of LSOA E000001 for 2024-03 is missing");
  }

  @Test
  void aWardAcrossTwoBoroughsIsRefused() {
    assertThatThrownBy(() -> AreaUniverse.of(List.of(Fixtures.area("A", "W1", "B1", 1, 1), Fixtures.area("B", "W1", "B2", 1, 1))))
        .hasMessageContaining("ward W1 has LSOAs in boroughs B1 and B2");
  }
}
