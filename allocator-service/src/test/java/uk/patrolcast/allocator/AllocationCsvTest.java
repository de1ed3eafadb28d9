package uk.patrolcast.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.Fixtures;
import uk.patrolcast.allocator.plan.Planning;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.PlanStatus;

class AllocationCsvTest {

  @Test
  void writesSortedRowsForOptimalCurrentPlansOnlyAndTheSameBytesEveryTime(@TempDir Path dir) throws Exception {
    List<Area> areas = List.of(Fixtures.area("E2", "W1", "B1", 1, 1000), Fixtures.area("E1", "W1", "B1", 1, 1000),
        new Area("E3", "W2", "Name, with comma", "B1", 2, 500));
    AllocationPlan feb = Planning.plan(areas, Fixtures.flat("2024-02", areas, i -> 1 + i), AllocationSettings.defaults(), null);
    AllocationPlan jan = Planning.plan(areas, Fixtures.flat("2024-01", areas, i -> 2), AllocationSettings.defaults(), null);
    AllocationPlan refused = Planning.plan(areas, Fixtures.flat("2024-03", areas, i -> 2),
        Fixtures.settings(0.5, 0, null, null, java.util.Map.of(), java.util.Map.of()), null);
    assertThat(refused.getStatus()).isEqualTo(PlanStatus.INFEASIBLE);
    AllocationCsv.write(List.of(feb, refused, jan), dir.resolve("a"));
    AllocationCsv.write(List.of(jan, feb, refused), dir.resolve("b"));
    List<String> lsoa = Files.readAllLines(dir.resolve("a").resolve(AllocationCsv.LSOA_FILE));
    assertThat(lsoa.get(0)).isEqualTo("plan_id,origin_month,month,lsoa21cd,ward_code,hours,forecast,min_hours,max_hours");
    assertThat(lsoa).hasSize(1 + 2 * 6 * 3);
    assertThat(lsoa.get(1)).startsWith("plan-2024-01-r1-test-model,2024-01,2024-02,E1,W1,");
    assertThat(lsoa.get(2)).startsWith("plan-2024-01-r1-test-model,2024-01,2024-02,E2,W1,");
    assertThat(lsoa.get(19)).startsWith("plan-2024-02-r1-test-model,2024-02,2024-03,E1,W1,");
    // Hours in whole blocks, forecasts as given, bounds of the month (2024-02: 29 days).
    assertThat(lsoa.get(1)).matches(".*,W1,\\d+(\\.5)?,2,29,\\d+(\\.5)?");
    List<String> ward = Files.readAllLines(dir.resolve("a").resolve(AllocationCsv.WARD_FILE));
    assertThat(ward.get(0)).isEqualTo("plan_id,origin_month,month,ward_code,ward_name,borough_code,population,lsoas,hours,"
        + "forecast,floor_hours,hours_per_forecast_burglary,hours_to_population_share");
    assertThat(ward).hasSize(1 + 2 * 6 * 2);
    assertThat(ward.get(2)).startsWith("plan-2024-01-r1-test-model,2024-01,2024-02,W2,\"Name, with comma\",B1,500,1,");
    // Byte-identical whatever the order the plans came in.
    for (String file : List.of(AllocationCsv.LSOA_FILE, AllocationCsv.WARD_FILE)) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
    }
  }
}
