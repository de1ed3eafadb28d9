package uk.patrolcast.console;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the console service: the shared ones plus its own. */
public final class ConsoleConfig extends ServiceConfig {
  public static final ConfigDef DEFINITION = ServiceConfig.base();

  public ConsoleConfig(Map<?, ?> values) {
    super(DEFINITION, values);
  }
}
