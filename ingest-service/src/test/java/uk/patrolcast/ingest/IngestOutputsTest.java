package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RejectionReason;

class IngestOutputsTest {
  @TempDir Path dir;

  @Test
  void rejectedCsvIsQuotedSoThatRawRowsWithCommasQuotesAndLineBreaksReadBack() throws Exception {
    RejectedRecord a = new RejectedRecord("b.csv", 7L, RejectionReason.NO_LSOA, "No LSOA code", "x,\"quoted, text\",\nnext", 20L,
        "2022-05", "Metropolitan Police Service", null, Instant.EPOCH);
    RejectedRecord b = new RejectedRecord("a.csv", 0L, RejectionReason.BAD_ARCHIVE, "Cannot read a.csv", "", 0L, null, null, null, Instant.EPOCH);
    Path file = dir.resolve("rejected.csv");
    IngestOutputs.writeRejected(List.of(b, a), file);

    assertThat(Files.readAllLines(file).get(0)).isEqualTo("source,line,reason,message,month,force,crime_id,raw");
    try (Reader r = Files.newBufferedReader(file)) {
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).get("source")).isEqualTo("a.csv");
      assertThat(rows.get(0).get("month")).isEmpty();
      assertThat(rows.get(1).get("raw")).isEqualTo("x,\"quoted, text\",\nnext");
      assertThat(rows.get(1).get("reason")).isEqualTo("NO_LSOA");
      assertThat(rows.get(1).get("line")).isEqualTo("7");
    }
  }
}
