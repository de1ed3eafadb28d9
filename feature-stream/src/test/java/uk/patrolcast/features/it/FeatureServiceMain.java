package uk.patrolcast.features.it;

import java.util.Map;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureService;

/**
 * The features service alone in its own JVM, for the kill-and-restart test: {@code bootstrap
 * registryUrl stateDir recordsStore}. It runs until the process is killed.
 */
public final class FeatureServiceMain {
  private FeatureServiceMain() {}

  public static void main(String[] args) throws Exception {
    FeatureService service = new FeatureService(new FeatureConfig(Map.of(
        "bootstrap.servers", args[0],
        "schema.registry.url", args[1],
        "state.dir", args[2],
        FeatureConfig.RECORDS_STORE, args[3],
        "patrolcast.mode", "run")));
    service.start();
    System.out.println("features service started");
    while (true) {
      Thread.sleep(1000);
      System.out.println("watermark " + service.watermark() + " " + service.status());
    }
  }
}
