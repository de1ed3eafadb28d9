package uk.patrolcast.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.patrolcast.platform.service.PatrolcastService;

/**
 * The forecast service: static risk model, XGBoost count model, 12-month forecasts per LSOA and
 * ward with 80% intervals and drivers, evaluations beside the baselines, champion/challenger. The
 * work happens in {@link ForecastLoop} on its own thread (training on another).
 */
public final class ForecastService implements PatrolcastService {
  private final ForecastConfig config;
  private ForecastLoop loop;
  private Thread thread;

  public ForecastService(ForecastConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "forecast";
  }

  @Override
  public void start() {
    loop = new ForecastLoop(config, config.schemaRegistry());
    thread = new Thread(loop, "forecast-loop");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public boolean alive() {
    return loop == null || loop.failure() == null;
  }

  @Override
  public boolean ready() {
    return loop != null && loop.failure() == null && thread.isAlive();
  }

  /** Latest origin month whose forecasts and ForecastReady are published. */
  @Override
  public String watermark() {
    return loop == null ? null : loop.watermark();
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("implemented", true);
    if (loop != null) {
      s.putAll(loop.status());
    }
    return s;
  }

  @Override
  public void close() {
    if (loop != null) {
      loop.stop();
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
