package uk.patrolcast.console;

import java.util.Map;
import uk.patrolcast.platform.service.PatrolcastService;

/** The console service: the web console. Not built yet: it starts and does nothing. */
public final class ConsoleService implements PatrolcastService {
  private final ConsoleConfig config;

  public ConsoleService(ConsoleConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "console";
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
