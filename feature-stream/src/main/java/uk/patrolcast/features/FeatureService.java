package uk.patrolcast.features;

import java.util.Map;
import uk.patrolcast.platform.service.PatrolcastService;

/** The features service: the Kafka Streams feature topology. Not built yet: it starts and does nothing. */
public final class FeatureService implements PatrolcastService {
  private final FeatureConfig config;

  public FeatureService(FeatureConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "features";
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
