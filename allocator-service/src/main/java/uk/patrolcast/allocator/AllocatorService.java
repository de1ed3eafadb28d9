package uk.patrolcast.allocator;

import java.util.Map;
import uk.patrolcast.platform.service.PatrolcastService;

/** The allocate service: patrol-hour plans. Not built yet: it starts and does nothing. */
public final class AllocatorService implements PatrolcastService {
  private final AllocatorConfig config;

  public AllocatorService(AllocatorConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "allocate";
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
