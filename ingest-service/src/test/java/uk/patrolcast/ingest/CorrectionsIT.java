package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.patrolcast.ingest.TinyLondon.file;
import static uk.patrolcast.ingest.TinyLondon.row;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.ingest.source.PoliceSource;

/**
 * Idempotence and corrections against a real broker and registry: the same file twice changes
 * nothing; a corrected month replaces the month (changed records rewritten, vanished ones retracted
 * by tombstones, MonthClosed revision raised); a restart that reads its state back from the topics
 * behaves the same.
 */
class CorrectionsIT {
  static KafkaRig rig;

  @BeforeAll
  static void start() {
    rig = new KafkaRig();
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  static PoliceSource met(String content) {
    return new PoliceSource("metropolitan", YearMonth.of(2022, 5), "police/2022-05-metropolitan-street.csv",
        () -> new java.io.ByteArrayInputStream(content.getBytes()));
  }

  static PoliceSource city(String content) {
    return new PoliceSource("city-of-london", YearMonth.of(2022, 5), "police/2022-05-city-of-london-street.csv",
        () -> new java.io.ByteArrayInputStream(content.getBytes()));
  }

  @Test
  void sameFileTwiceChangesNothingAndACorrectedMonthReplacesTheMonth() {
    String original = file(row("a"), row("b"), row("c"), row("", "2022-05", "-0.115000", "51.505000", "E01000001"), row("a"));
    String cityFile = file(row("z").replace("Metropolitan Police Service,Metropolitan Police Service", "City of London Police,City of London Police"));
    try (KafkaRig.Ingest ingest = rig.ingest()) {
      assertThat(ingest.ingestion.ingest(met(original))).isEqualTo(SourceIngestion.Result.INGESTED);
      rig.awaitCommitted();
      assertThat(rig.closed()).isEmpty(); // the City's source of the month is still missing
      assertThat(ingest.ingestion.ingest(city(cityFile))).isEqualTo(SourceIngestion.Result.INGESTED);
    }
    rig.awaitCommitted();
    Map<String, CrimeRecord> live = rig.liveRecords();
    assertThat(live).hasSize(5);
    MonthClosed first = rig.closed().get("2022-05");
    assertThat(first.getRevision()).isEqualTo(1);
    assertThat(first.getRecordCount()).isEqualTo(5);
    assertThat(first.getRejectedCount()).isEqualTo(1);
    assertThat(first.getRecordHashSum()).isEqualTo(live.values().stream().mapToLong(CrimeRecord::getContentHash).sum());
    int logSize = rig.recordLog().size();

    // The same file again, by an ingest restarted from the topics alone: nothing is published.
    try (KafkaRig.Ingest again = rig.ingest()) {
      assertThat(again.ingestion.ingest(met(original))).isEqualTo(SourceIngestion.Result.UNCHANGED);
      assertThat(again.ingestion.ingest(city(cityFile))).isEqualTo(SourceIngestion.Result.UNCHANGED);
    }
    assertThat(rig.recordLog()).hasSize(logSize);
    assertThat(rig.closed().get("2022-05")).isEqualTo(first);

    // A corrected month: b moves to another LSOA, c and the row without ID disappear, d is new.
    String corrected = file(row("a"), row("b", "2022-05", "-0.115000", "51.495000", "E01000002"), row("d"));
    try (KafkaRig.Ingest fix = rig.ingest()) {
      assertThat(fix.ingestion.ingest(met(corrected))).isEqualTo(SourceIngestion.Result.INGESTED);
    }
    rig.awaitCommitted();
    live = rig.liveRecords();
    assertThat(live.keySet()).containsExactlyInAnyOrder("metropolitan:2022-05:id:a", "metropolitan:2022-05:id:b",
        "metropolitan:2022-05:id:d", "city-of-london:2022-05:id:z");
    assertThat(live.get("metropolitan:2022-05:id:b").getLsoa21cd()).isEqualTo("E01000002");
    MonthClosed second = rig.closed().get("2022-05");
    assertThat(second.getRevision()).isEqualTo(2);
    assertThat(second.getRecordCount()).isEqualTo(4);
    assertThat(second.getRejectedCount()).isZero();
    assertThat(second.getRecordHashSum()).isEqualTo(live.values().stream().mapToLong(CrimeRecord::getContentHash).sum());
    assertThat(second.getChecksum()).isNotEqualTo(first.getChecksum());
    assertThat(rig.manifests().get("metropolitan:2022-05").getRevision()).isEqualTo(2);
    assertThat(rig.manifests().get("metropolitan:2022-05").getRecordKeys()).hasSize(3);
    // The two vanished records were retracted with tombstones in the log.
    long tombstones = rig.recordLog().stream().filter(e -> e.getValue() == null).count();
    assertThat(tombstones).isEqualTo(2);

    // Ingesting the corrected file again changes nothing more.
    int after = rig.recordLog().size();
    try (KafkaRig.Ingest again = rig.ingest()) {
      assertThat(again.ingestion.ingest(met(corrected))).isEqualTo(SourceIngestion.Result.UNCHANGED);
    }
    assertThat(rig.recordLog()).hasSize(after);
    assertThat(rig.closed().get("2022-05").getRevision()).isEqualTo(2);
  }
}
