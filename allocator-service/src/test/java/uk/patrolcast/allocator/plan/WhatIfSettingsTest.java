package uk.patrolcast.allocator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.patrolcast.allocator.check.PlanRefused;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WhatIfRequest;

class WhatIfSettingsTest {
  private final AllocationSettings base = AllocationSettings.defaults();

  private static WhatIfRequest.Builder request() {
    return WhatIfRequest.newBuilder().setRequestId("r1").setRequestedAt(Instant.EPOCH);
  }

  @Test
  void nullFieldsKeepTheCurrentSettings() {
    assertThat(WhatIfSettings.apply(base, request().build())).isEqualTo(base);
  }

  @Test
  void fieldsOverrideAndTheBudgetScaleMultiplies() {
    AllocationSettings s = WhatIfSettings.apply(base, request().setBudgetScale(0.9).setBlockHours(0.25).setWardFloorShare(0.8)
        .setOfficerHoursPerMonth(1e6).setMaxChangeHours(4.0).setWardCaps(Map.of("W1", 100.0)).build());
    assertThat(s.budgetHoursPerDayPerLsoa()).isEqualTo(1.8 * 0.9);
    assertThat(s.blockHours()).isEqualTo(0.25);
    assertThat(s.wardFloorShare()).isEqualTo(0.8);
    assertThat(s.officerHoursPerMonth()).isEqualTo(1e6);
    assertThat(s.maxChangeHours()).isEqualTo(4.0);
    assertThat(s.wardCaps()).containsEntry("W1", 100.0);
    assertThat(s.minHoursPerDay()).isEqualTo(base.minHoursPerDay());
  }

  @Test
  void anAbsoluteBudgetWinsOverTheScale() {
    assertThat(WhatIfSettings.apply(base, request().setBudgetHoursPerDayPerLsoa(2.0).setBudgetScale(0.5).build())
        .budgetHoursPerDayPerLsoa()).isEqualTo(2.0);
  }

  @Test
  void aNonPositiveScaleIsAnInvalidRequest() {
    assertThatThrownBy(() -> WhatIfSettings.apply(base, request().setBudgetScale(-1.0).build()))
        .isInstanceOfSatisfying(PlanRefused.class, e -> assertThat(e.status()).isEqualTo(PlanStatus.INVALID_REQUEST))
        .hasMessageContaining("budget scale -1.0 must be a positive number");
  }
}
