package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;

/**
 * The service itself on a small data directory (the shared reference files and the first rows of
 * three real police.uk files): replay pace between months, a month missing a force's file fails a
 * run with a message naming it, and a restart over the same topics publishes nothing again.
 */
class ServiceRunModeIT {
  static final Path DATA = Path.of(System.getProperty("patrolcast.data.dir", "../shared/data"));
  @TempDir Path dir;

  @Test
  void pacedRunFailsOnAMonthThatCannotCloseAndARestartRepublishesNothing() throws Exception {
    assumeTrue(Files.isDirectory(DATA.resolve("police-uk")), "shared data not found at " + DATA.toAbsolutePath() + ": skipped");
    for (String reference : List.of("lookups", "boundaries", "iod2019", "census2021")) {
      Files.createSymbolicLink(dir.resolve(reference), DATA.toAbsolutePath().resolve(reference));
    }
    Path police = Files.createDirectories(dir.resolve("police-uk"));
    head("metropolitan-street-burglary/2022-05-metropolitan-street-burglary.csv.gz", police.resolve("2022-05-metropolitan-street.csv"), 300);
    head("city-of-london-street-burglary/2022-05-city-of-london-street-burglary.csv.gz", police.resolve("2022-05-city-of-london-street.csv"), 300);
    head("metropolitan-street-burglary/2022-06-metropolitan-street-burglary.csv.gz", police.resolve("2022-06-metropolitan-street.csv"), 300);

    try (KafkaRig rig = new KafkaRig()) {
      Map<String, Object> settings = new HashMap<>();
      settings.put(ServiceConfig.BOOTSTRAP_SERVERS, rig.stack.bootstrapServers());
      settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, rig.stack.schemaRegistryUrl());
      settings.put(ServiceConfig.DATA_DIR, dir.toString());
      settings.put(IngestConfig.MODE, "run");
      settings.put(IngestConfig.PACE, "2s");
      try (IngestService ingest = new IngestService(new IngestConfig(settings))) {
        ingest.start();
        assertThat(ingest.lastInputMonth()).isEqualTo("2022-06");
        awaitUntil(() -> !ingest.alive(), Duration.ofMinutes(5));
        assertThat(ingest.status().get("failure").toString()).contains("2022-06").contains("cannot close");
        assertThat(ingest.watermark()).isEqualTo("2022-05");
      }
      var closed = rig.closed();
      assertThat(closed).containsOnlyKeys("2022-05");
      var manifests = rig.manifests();
      Duration gap = Duration.between(closed.get("2022-05").getClosedAt(), manifests.get("metropolitan:2022-06").getIngestedAt());
      assertThat(gap).as("the replay paused between the months").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
      int records = rig.recordLog().size();
      int profiles = TopicReader.endOffsets(rig.stack.bootstrapServers(), Topics.LSOA_PROFILES.name()).values().stream()
          .mapToInt(Long::intValue).sum();
      assertThat(records).isGreaterThan(500);

      settings.put(IngestConfig.MODE, "up");
      settings.remove(IngestConfig.PACE);
      try (IngestService again = new IngestService(new IngestConfig(settings))) {
        again.start();
        awaitUntil(again::filesDone, Duration.ofMinutes(5));
        assertThat(again.alive()).isTrue();
        assertThat(again.metrics().files()).containsEntry("unchanged", 3L).doesNotContainKey("ingested");
      }
      assertThat(rig.recordLog()).hasSize(records);
      int profilesAfter = TopicReader.endOffsets(rig.stack.bootstrapServers(), Topics.LSOA_PROFILES.name()).values().stream()
          .mapToInt(Long::intValue).sum();
      // Same reference data: no profile is published again (only transaction markers may be added).
      assertThat(profilesAfter - profiles).isLessThanOrEqualTo(Topics.LSOA_PROFILES.partitions());
      assertThat(rig.closed()).isEqualTo(closed);
    }
  }

  /** The header and the first {@code rows} rows of a shared police file, as a plain CSV. */
  static void head(String from, Path to, int rows) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(DATA.resolve("police-uk").resolve(from))), StandardCharsets.UTF_8))) {
      for (String line; lines.size() <= rows && (line = r.readLine()) != null; ) {
        lines.add(line);
      }
    }
    Files.write(to, lines);
  }

  static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
