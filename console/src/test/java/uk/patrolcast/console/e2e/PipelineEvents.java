package uk.patrolcast.console.e2e;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.service.PatrolcastService;

/**
 * The real pipeline in this JVM: ingest, features, forecast and allocate started on the test's
 * stack with the data directory, in flow order, the way the launcher does ({@code XxxService(XxxConfig)}
 * built from a settings map). The console module does not depend on them: to switch, add the four
 * service modules as test-scoped dependencies of console/pom.xml and run with
 * {@code -Dconsole.e2e.events=pipeline} (optionally {@code -Dconsole.e2e.until=YYYY-MM}).
 */
final class PipelineEvents implements ConsoleEvents {
  private static final Logger log = LoggerFactory.getLogger(PipelineEvents.class);
  private static final String[][] SERVICES = {
    {"uk.patrolcast.ingest.IngestService", "uk.patrolcast.ingest.IngestConfig"},
    {"uk.patrolcast.features.FeatureService", "uk.patrolcast.features.FeatureConfig"},
    {"uk.patrolcast.forecast.ForecastService", "uk.patrolcast.forecast.ForecastConfig"},
    {"uk.patrolcast.allocator.AllocatorService", "uk.patrolcast.allocator.AllocatorConfig"},
  };

  private final List<PatrolcastService> started = new ArrayList<>();
  private String ingested;

  @Override
  public void start(String bootstrapServers, String schemaRegistryUrl, Path dataDir, Path stateDir) throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", bootstrapServers);
    settings.put("schema.registry.url", schemaRegistryUrl);
    settings.put("data.dir", dataDir.toString());
    settings.put("state.dir", stateDir.toString());
    settings.put("patrolcast.mode", "up");
    String until = System.getProperty("console.e2e.until");
    if (until != null) {
      settings.put("ingest.until", until);
    }
    for (String[] s : SERVICES) {
      Class<?> configType;
      Class<?> serviceType;
      try {
        configType = Class.forName(s[1]);
        serviceType = Class.forName(s[0]);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(s[0] + " is not on the test classpath: add the service modules as test "
            + "dependencies of the console module to run the browser tests on the real pipeline", e);
      }
      Constructor<?> config = configType.getConstructor(Map.class);
      PatrolcastService service = (PatrolcastService) serviceType.getConstructor(configType).newInstance(config.newInstance(settings));
      service.start();
      started.add(service);
      log.info("pipeline: {} started", service.name());
    }
    ingested = until;
  }

  @Override
  public boolean advance() {
    return false;
  }

  @Override
  public String expectedIngestedMonth() {
    return ingested;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (RuntimeException e) {
        log.warn("stopping {} failed: {}", started.get(i).name(), e.toString());
      }
    }
  }
}
