package uk.patrolcast.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.http.HttpApi;

class WhatIfFormTest {

  private static WhatIfRequest parse(String json) throws Exception {
    return WhatIfForm.parse(HttpApi.JSON.readTree(json), "tester");
  }

  @Test
  void theFormBecomesARequestAndAbsentFieldsKeepTheCurrentSettings() throws Exception {
    WhatIfRequest r = parse("{\"budgetHoursPerDayPerLsoa\": 1.6, \"minHoursPerDay\": \"0.8\", \"boroughCaps\": {\"E09000001\": 500}}");
    assertThat(r.getRequestId()).startsWith("console-");
    assertThat(r.getBudgetHoursPerDayPerLsoa()).isEqualTo(1.6);
    assertThat(r.getMinHoursPerDay()).isEqualTo(0.8);
    assertThat(r.getMaxHoursPerDay()).isNull();
    assertThat(r.getWardFloorShare()).isNull();
    assertThat(r.getBoroughCaps()).containsEntry("E09000001", 500.0);
    assertThat(r.getRequestedBy()).isEqualTo("tester");
    assertThat(parse("{}").getRequestId()).isNotEqualTo(r.getRequestId());
  }

  @Test
  void wrongInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> parse("{\"budget\": 1}")).hasMessageContaining("Unknown what-if field 'budget'");
    assertThatThrownBy(() -> parse("{\"minHoursPerDay\": 3, \"maxHoursPerDay\": 2}")).hasMessageContaining("above maxHoursPerDay");
    assertThatThrownBy(() -> parse("{\"budgetHoursPerDayPerLsoa\": 0}")).hasMessageContaining("budgetHoursPerDayPerLsoa must be above 0");
    assertThatThrownBy(() -> parse("{\"wardFloorShare\": 1.5}")).hasMessageContaining("wardFloorShare");
    assertThatThrownBy(() -> parse("{\"originMonth\": \"2024-13\"}")).hasMessageContaining("originMonth");
    assertThatThrownBy(() -> parse("{\"boroughCaps\": {\"Camden\": 5}}")).hasMessageContaining("not an ONS area code");
    assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("JSON object");
  }
}
