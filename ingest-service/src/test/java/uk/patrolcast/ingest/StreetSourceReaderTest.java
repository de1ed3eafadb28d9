package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.patrolcast.ingest.TinyLondon.MET;
import static uk.patrolcast.ingest.TinyLondon.file;
import static uk.patrolcast.ingest.TinyLondon.row;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaResolution;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.ingest.rows.RecordHashes;
import uk.patrolcast.ingest.rows.SourceReading;
import uk.patrolcast.ingest.rows.StreetSourceReader;
import uk.patrolcast.ingest.source.ArchiveLimits;
import uk.patrolcast.ingest.source.PoliceSource;

class StreetSourceReaderTest {
  final StreetSourceReader reader = new StreetSourceReader(TinyLondon.harmoniser(), 64 << 10, YearMonth.of(2024, 1));

  SourceReading read(String content) {
    return reader.read(TinyLondon.source("f.csv", content), MET);
  }

  @Test
  void theFirstOfTwoRowsWithTheSameCrimeIdCountsAndRowsWithoutIdEachCount() {
    String noId = row("", "2022-05", "-0.115000", "51.505000", "E01000001");
    SourceReading r = read(file(row("a"), row("b"), row("a"), noId, noId));

    assertThat(r.records()).extracting(CrimeRecord::getSourceLine).containsExactly(2L, 3L, 5L, 6L);
    assertThat(r.rejections()).singleElement().satisfies(x -> {
      assertThat(x.getReason()).isEqualTo(RejectionReason.DUPLICATE_CRIME_ID);
      assertThat(x.getLine()).isEqualTo(4L);
      assertThat(x.getMessage()).contains("line 2");
    });
    String digest = new RecordHashes().rowDigest(noId.getBytes());
    assertThat(r.records()).extracting(CrimeRecord::getRecordKey).containsExactly(
        "metropolitan:2022-05:id:a", "metropolitan:2022-05:id:b",
        "metropolitan:2022-05:row:" + digest + ":0", "metropolitan:2022-05:row:" + digest + ":1");
    assertThat(r.records().get(2).getCrimeId()).isNull();
  }

  @Test
  void aRowWithoutLsoaDoesNotClaimItsCrimeId() {
    SourceReading r = read(file(row("a", "2022-05", "-0.115", "51.505", ""), row("a")));
    assertThat(r.records()).extracting(CrimeRecord::getSourceLine).containsExactly(3L);
    assertThat(r.rejections()).extracting(x -> x.getReason()).containsExactly(RejectionReason.NO_LSOA);
  }

  @Test
  void contentHashIsTheFirstEightBytesOfTheSha256OfKeyMonthAndLsoa() throws Exception {
    CrimeRecord rec = read(file(row("a"))).records().get(0);
    byte[] d = RecordHashes.sha256().digest("metropolitan:2022-05:id:a|2022-05|E01000001".getBytes("UTF-8"));
    assertThat(rec.getContentHash()).isEqualTo(java.nio.ByteBuffer.wrap(d).getLong());
  }

  @Test
  void otherCrimeTypesAndOtherForcesAreSkippedNotRejected() {
    String robbery = row("r").replace("Burglary", "Robbery");
    String city = row("c").replace(MET + "," + MET, "City of London Police,City of London Police");
    SourceReading r = read(file(row("a"), robbery, city));
    assertThat(r.rows()).isEqualTo(3);
    assertThat(r.records()).hasSize(1);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.nonBurglary()).isEqualTo(1);
    assertThat(r.otherForce()).isEqualTo(1);
  }

  @Test
  void quotedCommasLineBreaksCrlfAndBomAreRead() {
    String quotedComma = row("q1").replace("On or near Test Street", "\"On or near Test Street, Upper\"");
    String lineBreak = row("q2").replace("On or near Test Street", "\"On or near\nTest Street\"");
    String content = "\uFEFF" + TinyLondon.HEADER + "\r\n" + quotedComma + "\r\n" + lineBreak + "\r\n" + row("q3") + "\r\n";
    SourceReading r = read(content);
    assertThat(r.rejections()).isEmpty();
    assertThat(r.records()).extracting(CrimeRecord::getLocation)
        .containsExactly("On or near Test Street, Upper", "On or near\nTest Street", "On or near Test Street");
    assertThat(r.records()).extracting(CrimeRecord::getSourceLine).containsExactly(2L, 3L, 5L);
    assertThat(r.records().get(2).getContext()).isNull();
  }

  @Test
  void lsoaCodesAreHarmonisedAndTheMethodRecorded() {
    SourceReading r = read(file(
        row("u", "2022-05", "-0.115", "51.505", "E01000001"),
        row("m", "2022-05", "-0.115", "51.525", "E01000020"),
        row("s1", "2022-05", "-0.095", "51.505", "E01000010"),
        row("s2", "2022-05", "-0.075", "51.505", "E01000010"),
        row("s3", "2022-05", "", "", "E01000010")));
    assertThat(r.records()).extracting(CrimeRecord::getLsoa21cd)
        .containsExactly("E01000001", "E01033010", "E01033001", "E01033002", "E01033002");
    assertThat(r.records()).extracting(CrimeRecord::getLsoaResolution).containsExactly(LsoaResolution.LSOA21,
        LsoaResolution.MERGED_2011, LsoaResolution.SPLIT_POINT_IN_POLYGON, LsoaResolution.SPLIT_NEAREST_POLYGON,
        LsoaResolution.SPLIT_LARGEST_POPULATION);
    assertThat(r.records()).extracting(CrimeRecord::getSourceLsoaCode)
        .containsExactly("E01000001", "E01000020", "E01000010", "E01000010", "E01000010");
  }

  @Test
  void aHeaderWithoutThePoliceColumnsRefusesTheSource() {
    SourceReading r = read("Crime ID,Month,Whatever\n" + row("a") + "\n");
    assertThat(r.failed()).isTrue();
    assertThat(r.failure().getReason()).isEqualTo(RejectionReason.BAD_HEADER);
    assertThat(r.failure().getMessage()).contains("LSOA code");
    assertThat(r.records()).isEmpty();
  }

  @Test
  void anEmptyFileRefusesTheSource() {
    SourceReading r = read("");
    assertThat(r.failure().getReason()).isEqualTo(RejectionReason.BAD_HEADER);
    assertThat(r.failure().getMessage()).contains("empty");
  }

  @Test
  void aTruncatedGzipRefusesTheWholeSourceAndPublishesNothingOfIt() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      rows.append(row("id" + i)).append('\n');
    }
    byte[] gz = gzip((TinyLondon.HEADER + "\n" + rows).getBytes());
    byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
    PoliceSource s = new PoliceSource("metropolitan", YearMonth.of(2022, 5), "2022-05-metropolitan-street.csv.gz",
        () -> new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(truncated)));
    SourceReading r = reader.read(s, MET);
    assertThat(r.failed()).isTrue();
    assertThat(r.failure().getReason()).isEqualTo(RejectionReason.BAD_ARCHIVE);
    assertThat(r.failure().getLine()).isZero();
    assertThat(r.records()).isEmpty();
  }

  @Test
  void aGzipBombIsRefusedBeforeItIsExpanded() throws IOException {
    byte[] gz = gzip(new byte[64 << 20]);
    ArchiveLimits limits = new ArchiveLimits(1L << 30, 200, 1 << 20);
    PoliceSource s = new PoliceSource("metropolitan", YearMonth.of(2022, 5), "2022-05-metropolitan-street.csv.gz",
        () -> limits.bound(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)), () -> gz.length, "bomb"));
    SourceReading r = reader.read(s, MET);
    assertThat(r.failure().getReason()).isEqualTo(RejectionReason.BAD_ARCHIVE);
    assertThat(r.failure().getMessage()).contains("archive bomb");
  }

  @Test
  void theSha256IsOverTheUncompressedContent() throws Exception {
    String content = file(row("a"));
    SourceReading r = read(content);
    assertThat(r.sha256()).isEqualTo(RecordHashes.hex(RecordHashes.sha256().digest(content.getBytes("UTF-8"))));
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

}
