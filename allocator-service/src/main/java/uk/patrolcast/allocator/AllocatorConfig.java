package uk.patrolcast.allocator;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the allocate service: the shared ones plus its own. */
public final class AllocatorConfig extends ServiceConfig {
  public static final ConfigDef DEFINITION = ServiceConfig.base();

  public AllocatorConfig(Map<?, ?> values) {
    super(DEFINITION, values);
  }
}
