package uk.patrolcast.features;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the features service: the shared ones plus its own. */
public final class FeatureConfig extends ServiceConfig {
  public static final ConfigDef DEFINITION = ServiceConfig.base();

  public FeatureConfig(Map<?, ?> values) {
    super(DEFINITION, values);
  }
}
