package uk.patrolcast.forecast;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the forecast service: the shared ones plus its own. */
public final class ForecastConfig extends ServiceConfig {
  public static final ConfigDef DEFINITION = ServiceConfig.base();

  public ForecastConfig(Map<?, ?> values) {
    super(DEFINITION, values);
  }
}
