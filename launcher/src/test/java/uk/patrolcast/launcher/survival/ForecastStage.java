package uk.patrolcast.launcher.survival;

import java.util.Map;
import uk.patrolcast.forecast.ForecastConfig;
import uk.patrolcast.forecast.ForecastService;

/**
 * Whether the forecast stage exists yet: its placeholder says {@code implemented=false} in its status.
 * The failure tests start, kill and compare the forecast service (and so the plans) once it does.
 */
final class ForecastStage {
  private ForecastStage() {}

  static boolean implemented() {
    try (ForecastService s = new ForecastService(new ForecastConfig(Map.of(
        "bootstrap.servers", "127.0.0.1:9", "schema.registry.url", "http://127.0.0.1:9")))) {
      return !Boolean.FALSE.equals(s.status().get("implemented"));
    } catch (RuntimeException e) {
      // A real service may refuse this dummy configuration: it exists.
      return true;
    }
  }
}
