package uk.patrolcast.forecast;

import java.util.Map;
import uk.patrolcast.platform.service.PatrolcastService;

/** The forecast service: risk model and forecasts. Not built yet: it starts and does nothing. */
public final class ForecastService implements PatrolcastService {
  private final ForecastConfig config;

  public ForecastService(ForecastConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "forecast";
  }

  @Override
  public void start() {}

  @Override
  public boolean alive() {
    return true;
  }

  @Override
  public boolean ready() {
    return true;
  }

  @Override
  public Map<String, Object> status() {
    return Map.of("implemented", false, "bootstrap", config.bootstrapServers());
  }

  @Override
  public void close() {}
}
