package uk.patrolcast.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.AreaType;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.HorizonForecast;

class ForecastStoreTest {

  static Forecast forecast(String lsoa, String origin, String model, int revision, double predicted) {
    List<HorizonForecast> horizons = new ArrayList<>();
    for (int h = 12; h >= 1; h--) { // out of order on purpose
      horizons.add(HorizonForecast.newBuilder().setHorizon(h).setTargetMonth("x").setPredicted(predicted + h)
          .setLower80(0).setUpper80(0).build());
    }
    return Forecast.newBuilder().setAreaType(AreaType.LSOA).setAreaCode(lsoa).setWardCode("W").setBoroughCode("B")
        .setOriginMonth(origin).setDataRevision(revision).setModelVersion(model).setHorizons(horizons).setDrivers(List.of())
        .setIntervalMethod("test").setCreatedAt(Instant.EPOCH).build();
  }

  static ForecastReady ready(String origin, String model, int revision, int count) {
    return ForecastReady.newBuilder().setOriginMonth(origin).setModelVersion(model).setDataRevision(revision).setLsoaCount(count)
        .setWardCount(0).setTotalNextMonth(0).setCreatedAt(Instant.EPOCH).build();
  }

  @Test
  void aSetIsCompleteOnceEveryAnnouncedForecastIsHeldWhicheverArrivesFirst() {
    ForecastStore store = new ForecastStore(10);
    store.add(forecast("A", "2024-01", "m1", 1, 1));
    store.ready(ready("2024-01", "m1", 1, 2));
    assertThat(store.takeComplete()).isEmpty();
    assertThat(store.waiting()).containsEntry("2024-01", "1 of 2 LSOA forecasts");
    // A forecast of another model or revision does not count.
    store.add(forecast("B", "2024-01", "m0", 1, 1));
    assertThat(store.takeComplete()).isEmpty();
    store.add(forecast("B", "2024-01", "m1", 1, 2));
    var complete = store.takeComplete();
    assertThat(complete).hasSize(1);
    assertThat(complete.get(0).planId()).isEqualTo("plan-2024-01-r1-m1");
    // Horizons are put in order.
    assertThat(complete.get(0).predicted("B", 1)).isEqualTo(3.0);
    assertThat(complete.get(0).predicted("B", 12)).isEqualTo(14.0);
    assertThat(store.takeComplete()).isEmpty();
    assertThat(store.completeSets()).containsOnlyKeys("2024-01");
  }

  @Test
  void onlyTheLatestOriginsAreKept() {
    ForecastStore store = new ForecastStore(2);
    for (String origin : List.of("2024-01", "2024-02", "2024-03")) {
      store.add(forecast("A", origin, "m", 1, 1));
      store.ready(ready(origin, "m", 1, 1));
    }
    assertThat(store.takeComplete()).hasSize(3);
    assertThat(store.completeSets()).containsOnlyKeys("2024-02", "2024-03");
  }
}
