package uk.patrolcast.ingest;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the ingest service: the shared ones plus its own. */
public final class IngestConfig extends ServiceConfig {
  public static final ConfigDef DEFINITION = ServiceConfig.base();

  public IngestConfig(Map<?, ?> values) {
    super(DEFINITION, values);
  }
}
