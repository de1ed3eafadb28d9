package uk.patrolcast.ingest;

import java.util.Map;
import uk.patrolcast.platform.service.PatrolcastService;

/** The ingest service: police.uk files and reference data into Kafka. Not built yet: it starts and does nothing. */
public final class IngestService implements PatrolcastService {
  private final IngestConfig config;

  public IngestService(IngestConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "ingest";
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

  /**
   * The latest input month (after any {@code --until} limit), known once {@link #start()} has scanned
   * the sources; null when there is none.
   */
  public String lastInputMonth() {
    return null;
  }

  @Override
  public void close() {}
}
