package uk.patrolcast.console.e2e;

import java.nio.file.Path;

/**
 * A system that is already running (e.g. {@code patrolcast up --data ...}): nothing is published;
 * the tests run against its topics. Give its Kafka and registry with {@code -Dconsole.e2e.bootstrap}
 * and {@code -Dconsole.e2e.registry}; the browser tests then start their console on those.
 */
final class ExternalEvents implements ConsoleEvents {
  @Override
  public void start(String bootstrapServers, String schemaRegistryUrl, Path dataDir, Path stateDir) {}

  @Override
  public boolean advance() {
    return false;
  }

  @Override
  public String expectedIngestedMonth() {
    return null;
  }

  @Override
  public void close() {}
}
