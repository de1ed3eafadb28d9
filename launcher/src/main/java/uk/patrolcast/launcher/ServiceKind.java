package uk.patrolcast.launcher;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import uk.patrolcast.allocator.AllocatorConfig;
import uk.patrolcast.allocator.AllocatorService;
import uk.patrolcast.console.ConsoleConfig;
import uk.patrolcast.console.ConsoleService;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.forecast.ForecastConfig;
import uk.patrolcast.forecast.ForecastService;
import uk.patrolcast.ingest.IngestConfig;
import uk.patrolcast.ingest.IngestService;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.service.PatrolcastService;

/** The services, in the order data flows through them, and how each is built from settings. */
enum ServiceKind {
  INGEST("ingest", IngestConfig.DEFINITION, v -> new IngestService(new IngestConfig(v))),
  FEATURES("features", FeatureConfig.DEFINITION, v -> new FeatureService(new FeatureConfig(v))),
  FORECAST("forecast", ForecastConfig.DEFINITION, v -> new ForecastService(new ForecastConfig(v))),
  ALLOCATE("allocate", AllocatorConfig.DEFINITION, v -> new AllocatorService(new AllocatorConfig(v))),
  CONSOLE("console", ConsoleConfig.DEFINITION, v -> new ConsoleService(new ConsoleConfig(v)));

  final String command;
  final ConfigDef definition;
  private final Function<Map<String, Object>, PatrolcastService> factory;

  ServiceKind(String command, ConfigDef definition, Function<Map<String, Object>, PatrolcastService> factory) {
    this.command = command;
    this.definition = definition;
    this.factory = factory;
  }

  /** Builds the service: defaults, then the file, then PATROLCAST_* variables, then the command line. */
  PatrolcastService create(Map<String, ?> file, Map<String, String> environment, Map<String, ?> commandLine) {
    return factory.apply(ServiceConfig.merge(definition, file, environment, commandLine));
  }
}
