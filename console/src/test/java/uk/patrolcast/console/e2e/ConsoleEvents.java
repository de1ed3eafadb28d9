package uk.patrolcast.console.e2e;

import java.nio.file.Path;

/**
 * Where the events of the browser tests come from. The tests only look at the console, so the same
 * tests run on the real services started in this JVM ({@code pipeline}, the default) or on a system
 * that is already running ({@code external}). Chosen with {@code -Dconsole.e2e.events=...}.
 */
interface ConsoleEvents extends AutoCloseable {

  /** Makes the events exist on the stack (publishing them, or starting what publishes them). */
  void start(String bootstrapServers, String schemaRegistryUrl, Path dataDir, Path stateDir) throws Exception;

  /** Publishes one more month through every stage, for the live-update check; false when it cannot. */
  boolean advance() throws Exception;

  /** The latest month the pages should show as ingested once {@link #start} (or {@link #advance}) is done, or null when unknown. */
  String expectedIngestedMonth();

  /** The month's London total as the source itself counted it (an independent check), or null when it did not count. */
  default Double expectedTotal(String month) {
    return null;
  }

  @Override
  void close();

  static ConsoleEvents select() {
    String kind = System.getProperty("console.e2e.events", "pipeline");
    return switch (kind) {
      case "pipeline" -> new PipelineEvents();
      case "external" -> new ExternalEvents();
      default -> throw new IllegalArgumentException("console.e2e.events must be pipeline or external, not " + kind);
    };
  }
}
