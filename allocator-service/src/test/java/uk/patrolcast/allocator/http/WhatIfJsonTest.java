package uk.patrolcast.allocator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.Fixtures;
import uk.patrolcast.allocator.plan.Planning;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.http.HttpApi;

class WhatIfJsonTest {

  private static JsonNode json(String text) throws Exception {
    return HttpApi.JSON.readTree(text);
  }

  @Test
  void readsTheRequestFields() throws Exception {
    WhatIfRequest r = WhatIfJson.parse(json("{\"budgetScale\": 0.9, \"wardCaps\": {\"W1\": 100}, \"originMonth\": \"2024-02\"}"),
        "default-id", Instant.EPOCH);
    assertThat(r.getRequestId()).isEqualTo("default-id");
    assertThat(r.getBudgetScale()).isEqualTo(0.9);
    assertThat(r.getWardCaps()).containsEntry("W1", 100.0);
    assertThat(r.getOriginMonth()).isEqualTo("2024-02");
    assertThat(r.getBlockHours()).isNull();
    assertThat(r.getRequestedAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void namesUnknownFieldsAndWrongTypes() {
    assertThatThrownBy(() -> WhatIfJson.parse(json("{\"budgt\": 1}"), "x", Instant.EPOCH)).hasMessageStartingWith("unknown field 'budgt'");
    assertThatThrownBy(() -> WhatIfJson.parse(json("{\"blockHours\": \"half\"}"), "x", Instant.EPOCH))
        .hasMessage("field 'blockHours' must be a number, not \"half\"");
    assertThatThrownBy(() -> WhatIfJson.parse(json("[1]"), "x", Instant.EPOCH)).hasMessageContaining("must be a JSON object");
  }

  @Test
  void plansBecomePlainJson() {
    List<Area> areas = Fixtures.grid(2, 2, 1);
    AllocationPlan plan = Planning.plan(areas, Fixtures.flat("2024-02", areas, i -> 1), AllocationSettings.defaults(), null);
    var node = AvroJson.of(plan);
    assertThat(node.get("status").asText()).isEqualTo("OPTIMAL");
    assertThat(node.get("requestId").isNull()).isTrue();
    assertThat(node.get("parameters").get("blockHours").asDouble()).isEqualTo(0.5);
    assertThat(node.get("lsoas").get(0).get("hours").size()).isEqualTo(6);
    assertThat(node.get("fairness").get("wardsAtFloor").isInt()).isTrue();
    assertThat(node.get("createdAt").asText()).isEqualTo("1970-01-01T00:00:00Z");
  }
}
