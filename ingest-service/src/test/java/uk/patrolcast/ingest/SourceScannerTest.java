package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.ingest.rows.SourceReading;
import uk.patrolcast.ingest.rows.StreetSourceReader;
import uk.patrolcast.ingest.source.ArchiveLimits;
import uk.patrolcast.ingest.source.PoliceSource;
import uk.patrolcast.ingest.source.SourceName;
import uk.patrolcast.ingest.source.SourceScanner;

class SourceScannerTest {
  @TempDir Path dir;

  @Test
  void policeFileNamesGiveMonthAndForceSlug() {
    assertThat(SourceName.parse("2022-05-metropolitan-street.csv")).isEqualTo(new SourceName("2022-05", "metropolitan"));
    assertThat(SourceName.parse("x/2022-05-city-of-london-street.csv.gz")).isEqualTo(new SourceName("2022-05", "city-of-london"));
    assertThat(SourceName.parse("2022-05-metropolitan-street-burglary.csv.gz")).isEqualTo(new SourceName("2022-05", "metropolitan"));
    assertThat(SourceName.parse("2022-05-metropolitan-outcomes.csv")).isNull();
    assertThat(SourceName.parse("MANIFEST.csv")).isNull();
  }

  @Test
  void foldersAreSearchedRecursivelyAndOtherFilesIgnored() throws IOException {
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/b/2022-05-metropolitan-street.csv"), TinyLondon.file(TinyLondon.row("x")));
    Files.writeString(dir.resolve("a/2022-04-city-of-london-street.csv"), TinyLondon.file());
    Files.writeString(dir.resolve("a/notes.csv"), "hello");
    SourceScanner.Scan scan = SourceScanner.scan(List.of(dir), dir, ArchiveLimits.DEFAULT);
    assertThat(scan.problems()).isEmpty();
    assertThat(scan.sources()).extracting(PoliceSource::name)
        .containsExactly("a/2022-04-city-of-london-street.csv", "a/b/2022-05-metropolitan-street.csv");
  }

  @Test
  void theArchiveZipIsReadEntryByEntryAndOtherEntriesIgnored() throws IOException {
    Path zip = dir.resolve("police.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(z, "2022-05/2022-05-metropolitan-street.csv", TinyLondon.file(TinyLondon.row("m1"), TinyLondon.row("m2")));
      entry(z, "2022-05/2022-05-metropolitan-outcomes.csv", "x");
      entry(z, "2022-05/2022-05-kent-street.csv", TinyLondon.file(TinyLondon.row("k1")));
    }
    SourceScanner.Scan scan = SourceScanner.scan(List.of(zip), dir, ArchiveLimits.DEFAULT);
    assertThat(scan.problems()).isEmpty();
    assertThat(scan.sources()).extracting(PoliceSource::name)
        .containsExactly("police.zip!/2022-05/2022-05-kent-street.csv", "police.zip!/2022-05/2022-05-metropolitan-street.csv");
    PoliceSource met = scan.sources().get(1);
    assertThat(met.slug()).isEqualTo("metropolitan");
    assertThat(met.month()).isEqualTo(YearMonth.of(2022, 5));
    SourceReading r = new StreetSourceReader(TinyLondon.harmoniser(), 1 << 16, YearMonth.of(2024, 1)).read(met, TinyLondon.MET);
    assertThat(r.records()).extracting(CrimeRecord::getCrimeId).containsExactly("m1", "m2");
    assertThat(r.records().get(0).getSourceFile()).isEqualTo("police.zip!/2022-05/2022-05-metropolitan-street.csv");
  }

  @Test
  void entryNamesThatEscapeTheArchiveAreRefused() throws IOException {
    Path zip = dir.resolve("evil.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(z, "../../2022-05-metropolitan-street.csv", TinyLondon.file(TinyLondon.row("e")));
      entry(z, "/etc/2022-06-metropolitan-street.csv", TinyLondon.file(TinyLondon.row("e")));
      entry(z, "2022-07/2022-07-metropolitan-street.csv", TinyLondon.file(TinyLondon.row("ok")));
    }
    SourceScanner.Scan scan = SourceScanner.scan(List.of(zip), dir, ArchiveLimits.DEFAULT);
    assertThat(scan.problems()).extracting(SourceScanner.Problem::reason)
        .containsExactly(RejectionReason.BAD_ARCHIVE, RejectionReason.BAD_ARCHIVE);
    assertThat(scan.sources()).extracting(PoliceSource::name).containsExactly("evil.zip!/2022-07/2022-07-metropolitan-street.csv");
  }

  @Test
  void aZipBombEntryIsRefusedWhenRead() throws IOException {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("2022-05/2022-05-metropolitan-street.csv"));
      z.write((TinyLondon.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    SourceScanner.Scan scan = SourceScanner.scan(List.of(zip), dir, new ArchiveLimits(1L << 30, 100, 1 << 20));
    SourceReading r = new StreetSourceReader(TinyLondon.harmoniser(), 1 << 16, YearMonth.of(2024, 1)).read(scan.sources().get(0), TinyLondon.MET);
    assertThat(r.failure().getReason()).isEqualTo(RejectionReason.BAD_ARCHIVE);
    assertThat(r.failure().getMessage()).contains("archive bomb");
  }

  @Test
  void aCorruptZipIsRefusedAndScanningGoesOn() throws IOException {
    Files.write(dir.resolve("broken.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    Files.writeString(dir.resolve("2022-05-metropolitan-street.csv"), TinyLondon.file(TinyLondon.row("x")));
    SourceScanner.Scan scan = SourceScanner.scan(List.of(dir), dir, ArchiveLimits.DEFAULT);
    assertThat(scan.problems()).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(RejectionReason.BAD_ARCHIVE);
      assertThat(p.source()).isEqualTo("broken.zip");
    });
    assertThat(scan.sources()).hasSize(1);
  }

  @Test
  void aBadMonthInAFileNameOrAnUnknownFileIsRefused() throws IOException {
    Path badMonth = Files.writeString(dir.resolve("2022-13-metropolitan-street.csv"), TinyLondon.file());
    Path other = Files.writeString(dir.resolve("crimes.csv"), TinyLondon.file());
    SourceScanner.Scan scan = SourceScanner.scan(List.of(badMonth, other, dir.resolve("missing")), dir, ArchiveLimits.DEFAULT);
    assertThat(scan.problems()).extracting(SourceScanner.Problem::reason)
        .containsExactly(RejectionReason.BAD_MONTH, RejectionReason.UNREADABLE_SOURCE, RejectionReason.UNREADABLE_SOURCE);
    assertThat(scan.sources()).isEmpty();
  }

  @Test
  void thePlanOrdersMonthsAndForcesDropsLaterMonthsAndRefusesFutureOnes() throws IOException {
    for (String n : List.of("2022-06-metropolitan-street.csv", "2022-05-metropolitan-street.csv", "2022-05-city-of-london-street.csv",
        "2022-07-metropolitan-street.csv", "2030-01-metropolitan-street.csv", "2022-05-kent-street.csv")) {
      Files.writeString(dir.resolve(n), TinyLondon.file());
    }
    SourceScanner.Scan scan = SourceScanner.scan(List.of(dir), dir, ArchiveLimits.DEFAULT);
    Forces forces = Forces.parse(Forces.DEFAULT);
    IngestPlan none = IngestPlan.of(scan, forces, null, YearMonth.of(2024, 1), Instant.now());
    assertThat(none.refusals()).singleElement().satisfies(r -> {
      assertThat(r.getReason()).isEqualTo(RejectionReason.FUTURE_MONTH);
      assertThat(r.getSource()).isEqualTo("2030-01-metropolitan-street.csv");
    });
    assertThat(none.firstMonth()).isEqualTo("2022-05");
    assertThat(none.lastMonth()).isEqualTo("2022-07");
    IngestPlan plan = IngestPlan.of(scan, forces, YearMonth.of(2022, 6), YearMonth.of(2024, 1), Instant.now());
    assertThat(plan.lastMonth()).isEqualTo("2022-06");
    assertThat(plan.months().values().stream().flatMap(List::stream).map(PoliceSource::name).toList()).containsExactly(
        "2022-05-metropolitan-street.csv", "2022-05-city-of-london-street.csv", "2022-06-metropolitan-street.csv");
    assertThat(plan.refusals()).isEmpty();
  }

  static void entry(ZipOutputStream z, String name, String content) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    OutputStream out = z;
    out.write(content.getBytes(StandardCharsets.UTF_8));
    z.closeEntry();
  }
}
