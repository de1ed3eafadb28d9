package uk.patrolcast.launcher.survival;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A reduced but real data directory: the shared reference files (symlinked) and a run of months of
 * the real police.uk files of both forces (symlinked, or rewritten where a test changes a month).
 * Nothing is copied from the shared data except the one month a test rewrites.
 */
final class SurvivalData {
  static final String MET = "metropolitan";
  static final String CITY = "city-of-london";

  private final Path shared;
  private final Path root;

  private SurvivalData(Path shared, Path root) {
    this.shared = shared;
    this.root = root;
  }

  /** The data directory of the tests (system property {@code patrolcast.data.dir}). */
  static Path sharedData() {
    return Path.of(System.getProperty("patrolcast.data.dir", "../../shared/data"));
  }

  /** Reads the shared data only (no directory of its own). */
  static SurvivalData reader(Path shared) {
    return new SurvivalData(shared, null);
  }

  /** Links the reference folders and the police files of {@code months} into {@code root}. */
  static SurvivalData create(Path shared, Path root, YearMonth first, int months) throws IOException {
    Files.createDirectories(root);
    try (var entries = Files.list(shared)) {
      for (Path p : entries.toList()) {
        if (Files.isDirectory(p) && !p.getFileName().toString().equals("police-uk")) {
          Files.createSymbolicLink(root.resolve(p.getFileName().toString()), p.toAbsolutePath());
        }
      }
    }
    SurvivalData data = new SurvivalData(shared, root);
    for (int i = 0; i < months; i++) {
      for (String force : List.of(MET, CITY)) {
        Path source = data.sharedFile(force, first.plusMonths(i));
        Path link = data.file(force, first.plusMonths(i));
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, source.toAbsolutePath());
      }
    }
    return data;
  }

  Path root() {
    return root;
  }

  Path police() {
    return root.resolve("police-uk");
  }

  /** Where the month's file of a force lies in this directory (the shared data's own layout and name). */
  Path file(String force, YearMonth month) {
    return police().resolve(force + "-street-burglary").resolve(month + "-" + force + "-street-burglary.csv.gz");
  }

  private Path sharedFile(String force, YearMonth month) {
    return shared.resolve("police-uk").resolve(force + "-street-burglary").resolve(month + "-" + force + "-street-burglary.csv.gz");
  }

  /** The lines (header first) of the shared file of a force and month. */
  List<String> sharedLines(String force, YearMonth month) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(sharedFile(force, month))), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * A corrected re-publication of a month, as police.uk does: {@code removed} data rows dropped (from
   * the middle of the file) and the LSOA of {@code moved} other rows changed to {@code newLsoa}.
   */
  static List<String> corrected(List<String> lines, int removed, int moved, String newLsoa) {
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    int start = lines.size() / 3;
    for (int i = 1; i < lines.size(); i++) {
      if (i >= start && i < start + removed) {
        continue;
      }
      String line = lines.get(i);
      if (i >= start + removed && i < start + removed + moved) {
        String[] cells = line.split(",", -1);
        if (cells.length == 12 && !cells[7].isEmpty() && !line.contains("\"")) {
          cells[7] = newLsoa;
          line = String.join(",", cells);
        }
      }
      out.add(line);
    }
    return out;
  }

  /** Replaces the month's file (a link) by a gzip file of the given lines, written under a temporary name first. */
  void rewrite(String force, YearMonth month, List<String> lines, byte[] extraTail) throws IOException {
    Path target = file(force, month);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8);
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
      w.flush();
      if (extraTail != null) {
        gz.write(extraTail);
      }
    }
    Files.deleteIfExists(target);
    Files.move(tmp, target);
  }
}
