package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.patrolcast.ingest.ServiceRunModeIT.DATA;
import static uk.patrolcast.ingest.ServiceRunModeIT.awaitUntil;
import static uk.patrolcast.ingest.ServiceRunModeIT.head;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.platform.config.ServiceConfig;

/**
 * {@code up} mode keeps looking at the police folder: a new month's files dropped into it are
 * ingested and close the month, as when police.uk publishes a month; a changed file is a correction.
 */
class WatchModeIT {
  @TempDir Path dir;

  @Test
  void aMonthDroppedIntoTheFolderIsIngestedAndAChangedFileCorrectsIt() throws Exception {
    assumeTrue(Files.isDirectory(DATA.resolve("police-uk")), "shared data not found at " + DATA.toAbsolutePath() + ": skipped");
    for (String reference : List.of("lookups", "boundaries", "iod2019", "census2021")) {
      Files.createSymbolicLink(dir.resolve(reference), DATA.toAbsolutePath().resolve(reference));
    }
    Path police = Files.createDirectories(dir.resolve("police-uk"));
    head("metropolitan-street-burglary/2022-05-metropolitan-street-burglary.csv.gz", police.resolve("2022-05-metropolitan-street.csv"), 200);
    head("city-of-london-street-burglary/2022-05-city-of-london-street-burglary.csv.gz", police.resolve("2022-05-city-of-london-street.csv"), 200);

    try (KafkaRig rig = new KafkaRig()) {
      Map<String, Object> settings = new HashMap<>();
      settings.put(ServiceConfig.BOOTSTRAP_SERVERS, rig.stack.bootstrapServers());
      settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, rig.stack.schemaRegistryUrl());
      settings.put(ServiceConfig.DATA_DIR, dir.toString());
      settings.put(ServiceConfig.STATE_DIR, dir.resolve("state").toString());
      settings.put(IngestConfig.MODE, "up");
      settings.put(IngestConfig.WATCH_INTERVAL, "200ms");
      try (IngestService ingest = new IngestService(new IngestConfig(settings))) {
        ingest.start();
        awaitUntil(() -> "2022-05".equals(ingest.watermark()), Duration.ofMinutes(3));

        // police.uk publishes June: both forces' files appear.
        head("metropolitan-street-burglary/2022-06-metropolitan-street-burglary.csv.gz", police.resolve("2022-06-metropolitan-street.csv.tmp"), 150);
        head("city-of-london-street-burglary/2022-06-city-of-london-street-burglary.csv.gz", police.resolve("2022-06-city-of-london-street.csv"), 150);
        Files.move(police.resolve("2022-06-metropolitan-street.csv.tmp"), police.resolve("2022-06-metropolitan-street.csv"));
        awaitUntil(() -> "2022-06".equals(ingest.watermark()), Duration.ofMinutes(2));
        assertThat(ingest.lastInputMonth()).isEqualTo("2022-06");
        int juneRecords = rig.closed().get("2022-06").getRecordCount();
        assertThat(juneRecords).isGreaterThan(100);

        // A corrected June (fewer rows) replaces it: revision 2 with the smaller count.
        head("metropolitan-street-burglary/2022-06-metropolitan-street-burglary.csv.gz", police.resolve("2022-06-metropolitan-street.csv"), 100);
        awaitUntil(() -> rig.closed().get("2022-06").getRevision() == 2, Duration.ofMinutes(2));
        assertThat(rig.closed().get("2022-06").getRecordCount()).isLessThan(juneRecords);
        assertThat(ingest.alive()).isTrue();
      }
    }
  }

  @Test
  void withoutADataDirectoryIngestStaysIdleAndHealthy() {
    Map<String, Object> settings = new HashMap<>();
    settings.put(IngestConfig.MODE, "up");
    try (IngestService ingest = new IngestService(new IngestConfig(settings))) {
      ingest.start();
      assertThat(ingest.alive()).isTrue();
      assertThat(ingest.ready()).isTrue();
      assertThat(ingest.lastInputMonth()).isNull();
      assertThat(ingest.status().get("phase").toString()).contains("no data directory");
    }
  }
}
