package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import uk.patrolcast.platform.config.DataLayout;

/** The generated directory is laid out like shared/data, file for file and header for header. */
class DataDirectoryLayoutTest {
  private final Path dir = GeneratedFixture.directory();

  @Test
  void everyInputThePipelineReadsIsAtItsPath() {
    DataLayout layout = new DataLayout(dir);
    layout.requireInputs(DataLayout.DEFAULTS.keySet().toArray(String[]::new));
    for (DataFile f : DataFile.values()) {
      assertThat(dir.resolve(f.path)).as(f.name()).isRegularFile();
    }
  }

  @Test
  void referenceFilesStartWithTheirHeaderAndByteOrderMark() {
    for (DataFile f : DataFile.values()) {
      if (f.header == null) {
        continue;
      }
      byte[] content = GeneratedFixture.bytes(dir.resolve(f.path));
      byte[] expected = ((f.bom ? "\uFEFF" : "") + f.header + f.lineEnd).getBytes(StandardCharsets.UTF_8);
      assertThat(Arrays.copyOf(content, expected.length)).as(f.path).isEqualTo(expected);
    }
  }

  /** Against the real files: the embedded headers are byte-for-byte theirs (BOM and line end included). */
  @Test
  void headersAreTheRealFilesHeaders() throws IOException {
    Path real = Path.of(System.getProperty("patrolcast.data.dir", "../shared/data"));
    Assumptions.assumeTrue(Files.isDirectory(real), "Real data directory " + real + " missing: header comparison skipped");
    for (DataFile f : DataFile.values()) {
      Path realFile = real.resolve(f.path);
      if (f.header == null) {
        // GeoJSON: the same opening lines, collection name included.
        assertThat(GeneratedFixture.lines(dir.resolve(f.path)).subList(0, 4)).as(f.path)
            .isEqualTo(GeneratedFixture.lines(realFile).subList(0, 4));
        continue;
      }
      byte[] ours = firstLine(dir.resolve(f.path));
      assertThat(ours).as(f.path).isEqualTo(firstLine(realFile));
    }
    Path realPolice = real.resolve("police-uk/metropolitan-street-burglary/2023-01-metropolitan-street-burglary.csv.gz");
    Path ourPolice = GeneratedFixture.policeFiles(dir).values().iterator().next();
    assertThat(firstLine(ourPolice)).isEqualTo(firstLine(realPolice));
  }

  private static byte[] firstLine(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      byte[] head = in.readNBytes(8192);
      for (int i = 0; i < head.length; i++) {
        if (head[i] == '\n') {
          return Arrays.copyOf(head, i + 1);
        }
      }
      throw new AssertionError("No line end in the first 8 KB of " + file);
    }
  }

  @Test
  void thereIsOnePoliceFileForEveryForceAndMonthNamedAsPoliceUkNamesThem() {
    Map<String, Path> files = GeneratedFixture.policeFiles(dir);
    Set<String> expected = new TreeSet<>();
    for (PoliceForce f : PoliceForces.first(GeneratedFixture.OPTIONS.forces())) {
      for (int m = 0; m < GeneratedFixture.OPTIONS.months(); m++) {
        String month = GeneratedFixture.OPTIONS.month(m).toString();
        expected.add(f.slug() + "-street/" + month + "-" + f.slug() + "-street.csv.gz");
      }
    }
    assertThat(new TreeSet<>(files.keySet())).isEqualTo(expected);
    for (Path p : files.values()) {
      assertThat(p.getFileName().toString()).matches("(\\d{4}-\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*?)-street\\.csv\\.gz");
    }
  }

  @Test
  void settingsNameEveryForceAsItsFilesDo() throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve(RunSettings.PROPERTIES))) {
      p.load(r);
    }
    List<String> entries = Arrays.asList(p.getProperty("ingest.forces").split(","));
    assertThat(entries).hasSize(GeneratedFixture.OPTIONS.forces());
    for (String entry : entries) {
      String slug = entry.substring(0, entry.indexOf('='));
      String name = entry.substring(entry.indexOf('=') + 1);
      Path file = dir.resolve("police-uk/" + slug + "-street/2014-03-" + slug + "-street.csv.gz");
      List<GeneratedFixture.Row> rows = GeneratedFixture.rows(file);
      assertThat(rows).isNotEmpty().allSatisfy(r -> {
        assertThat(r.fallsWithin()).isEqualTo(name);
        assertThat(r.reportedBy()).isEqualTo(name);
      });
    }
    assertThat(p.getProperty("ingest.current.month")).isEqualTo(GeneratedFixture.OPTIONS.lastMonth().plusMonths(1).toString());
  }

  @Test
  void manifestDescribesEveryPoliceFileExactly() throws Exception {
    List<List<String>> manifest = GeneratedFixture.csv(dir.resolve(DataFile.MANIFEST.path));
    Map<String, Path> files = GeneratedFixture.policeFiles(dir);
    assertThat(manifest).hasSize(files.size() + 1);
    List<String> seen = new ArrayList<>();
    for (List<String> row : manifest.subList(1, manifest.size())) {
      Path file = files.get(row.get(0));
      assertThat(file).as(row.get(0)).isNotNull();
      seen.add(row.get(0));
      byte[] content = GeneratedFixture.bytes(file);
      List<GeneratedFixture.Row> rows = GeneratedFixture.rows(file);
      assertThat(Long.parseLong(row.get(3))).isEqualTo(rows.size());
      assertThat(Long.parseLong(row.get(4))).isEqualTo(rows.stream().filter(r -> !r.located()).count());
      assertThat(Long.parseLong(row.get(5))).isEqualTo(rows.stream().filter(r -> r.crimeId().isEmpty()).count());
      assertThat(Long.parseLong(row.get(6))).isEqualTo(Files.size(file));
      assertThat(row.get(7)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }
    assertThat(seen).isSorted();
  }

  @Test
  void policeFilesAreGzipWithUnixLineEnds() {
    for (Path file : GeneratedFixture.policeFiles(dir).values()) {
      byte[] content = GeneratedFixture.bytes(file);
      assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("\r").endsWith(",\n");
    }
  }
}
