package uk.patrolcast.features.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.features.bench.SyntheticCrimes;
import uk.patrolcast.features.bench.Universes;
import uk.patrolcast.platform.registry.RegistryOutageProxy;
import uk.patrolcast.platform.stack.LocalStack;

/**
 * A schema registry that cannot be reached while the feature stream meets its inputs' schema ids for
 * the first time: the service reaches the registry through a proxy that answers 503 for 15 s (far
 * longer than the client's two tries, set for the test), right after the service starts. The stream
 * threads fail and are replaced instead of skipping the records, so once the registry answers every
 * count is exact.
 */
class RegistryOutageIT {
  private static final Logger log = LoggerFactory.getLogger(RegistryOutageIT.class);
  private static final YearMonth FIRST = YearMonth.of(2020, 3);
  private static final int MONTHS = 4;
  private static final int OUTAGE_SECONDS = 15;

  @TempDir Path dir;

  @Test
  void recordsReadDuringARegistryOutageAreCountedOnceItAnswers() throws Exception {
    List<LsoaProfile> areas = Universes.grid(30, 5);
    SyntheticCrimes crimes = new SyntheticCrimes(areas, 90, 9);
    try (ItStack it = new ItStack()) {
      LocalStack stack = it.stack;
      Map<String, Integer> expected = it.publishMonths(areas, crimes, FIRST, MONTHS, "outage-input");
      try (RegistryOutageProxy proxy = new RegistryOutageProxy(stack.schemaRegistryUrl(), false)) {
        Map<String, Object> settings = Map.of(
            "bootstrap.servers", stack.bootstrapServers(),
            "schema.registry.url", proxy.url(),
            // Two tries per call (about 0.6 s) instead of 12 (45 s): the outage outlasts them sooner.
            "schema.registry.attempts", "2",
            "state.dir", dir.resolve("state").toString(),
            "patrolcast.mode", "run");
        try (FeatureService service = new FeatureService(new FeatureConfig(settings))) {
          service.start();
          proxy.down(true);
          long t0 = System.nanoTime();
          while (System.nanoTime() - t0 < OUTAGE_SECONDS * 1_000_000_000L) {
            assertThat(service.alive()).as("alive during the outage: %s", service.status()).isTrue();
            Thread.sleep(1_000);
          }
          assertThat(service.watermark()).as("nothing complete while the registry is down").isNull();
          proxy.down(false);
          log.info("Registry back after {} s; {} requests refused meanwhile", OUTAGE_SECONDS, proxy.refused());
          String last = FIRST.plusMonths(MONTHS - 1).toString();
          await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
              .until(() -> last.equals(service.watermark()) || !service.alive());
          assertThat(service.alive()).as("status %s", service.status()).isTrue();
        }
        assertThat(proxy.refused()).as("requests refused during the outage").isPositive();
      }
      Map<String, LsoaMonthFeatures> published = it.features();
      assertThat(published).hasSize(MONTHS * areas.size());
      published.forEach((key, row) -> assertThat(row.getCount()).as(key).isEqualTo(expected.getOrDefault(key, 0)));
    }
  }
}
