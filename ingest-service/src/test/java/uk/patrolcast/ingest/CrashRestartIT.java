package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.ingest.source.PoliceSource;

/**
 * A crash in the middle of a source: a child JVM ingests one source, then dies halfway through the
 * next one with its transaction open and part of its records on the broker. Readers must not see
 * those records; a restarted ingest (same transactional id, state read back from the topics) fences
 * the dead one, skips the committed source and redoes the interrupted one: every record exactly once.
 */
class CrashRestartIT {
  static final int MET_ROWS = 3000;

  static PoliceSource met() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < MET_ROWS; i++) {
      rows.add(TinyLondon.row("met-" + i));
    }
    byte[] content = TinyLondon.file(rows.toArray(new String[0])).getBytes(StandardCharsets.UTF_8);
    return new PoliceSource("metropolitan", YearMonth.of(2022, 5), "2022-05-metropolitan-street.csv", () -> new ByteArrayInputStream(content));
  }

  static PoliceSource city() {
    String row = TinyLondon.row("city-1").replace(TinyLondon.MET + "," + TinyLondon.MET, "City of London Police,City of London Police");
    byte[] content = TinyLondon.file(row).getBytes(StandardCharsets.UTF_8);
    return new PoliceSource("city-of-london", YearMonth.of(2022, 5), "2022-05-city-of-london-street.csv", () -> new ByteArrayInputStream(content));
  }

  @TempDir Path tmp;

  @Test
  void aCrashMidSourceLosesNothingAndDuplicatesNothing() throws Exception {
    try (KafkaRig rig = new KafkaRig()) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // Its own tmpdir (deleted with the test's): the crashed JVM leaves its unpacked native libraries there.
          "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), CrashingIngest.class.getName(),
          rig.stack.bootstrapServers(), rig.stack.schemaRegistryUrl(), "1500")
          .redirectErrorStream(true).start();
      String output;
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
      output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.exitValue()).as(output).isEqualTo(137);
      assertThat(output).contains("CITY COMMITTED").contains("CRASHING after 1500 sends");

      // Half a source sits in an open transaction: a read_committed reader sees only the City's record.
      assertThat(rig.liveRecords().keySet()).containsExactly("city-of-london:2022-05:id:city-1");
      assertThat(rig.closed()).isEmpty();

      try (KafkaRig.Ingest restarted = rig.ingest()) {
        assertThat(restarted.ingestion.ingest(city())).isEqualTo(SourceIngestion.Result.UNCHANGED);
        assertThat(restarted.ingestion.ingest(met())).isEqualTo(SourceIngestion.Result.INGESTED);
      }
      rig.awaitCommitted(); // the commit's markers reach the partitions just after commitTransaction returns
      Map<String, Integer> writes = rig.writesPerKey();
      assertThat(writes).hasSize(MET_ROWS + 1);
      assertThat(writes.values()).allMatch(n -> n == 1);
      Map<String, CrimeRecord> live = rig.liveRecords();
      for (int i = 0; i < MET_ROWS; i++) {
        assertThat(live).containsKey("metropolitan:2022-05:id:met-" + i);
      }
      MonthClosed closed = rig.closed().get("2022-05");
      assertThat(closed.getRevision()).isEqualTo(1);
      assertThat(closed.getRecordCount()).isEqualTo(MET_ROWS + 1);
      assertThat(closed.getRecordHashSum()).isEqualTo(live.values().stream().mapToLong(CrimeRecord::getContentHash).sum());
    }
  }
}
