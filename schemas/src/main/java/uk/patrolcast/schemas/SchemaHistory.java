package uk.patrolcast.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The schemas' recorded history and the build-time guard over it. Every released version of a
 * schema {@code src/main/avro/X.avsc} is kept as {@code src/main/avro-history/X/vN.avsc}; the build
 * runs {@code check}, which fails unless each current schema can read data written with every
 * recorded version (BACKWARD_TRANSITIVE, what the registry enforces at run time too) and no recorded
 * schema has disappeared. {@code record} adds the current schemas as new versions where they changed.
 *
 * <p>Usage: {@code SchemaHistory check|record <avro dir> <history dir>}.
 */
public final class SchemaHistory {
  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

  private final Path current;
  private final Path history;

  public SchemaHistory(Path currentDir, Path historyDir) {
    this.current = currentDir;
    this.history = historyDir;
  }

  /** Problems that make the current schemas unacceptable; empty when the build may go on. */
  public List<String> check() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> names = currentNames();
    if (Files.isDirectory(history)) {
      try (Stream<Path> dirs = Files.list(history)) {
        for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
          if (!names.contains(dir.getFileName().toString())) {
            problems.add(dir.getFileName() + ": recorded in " + history + " but no longer in " + current
                + " (a schema that consumers still read cannot be removed)");
          }
        }
      }
    }
    for (String name : names) {
      Schema now = parse(current.resolve(name + ".avsc"));
      for (Recorded old : recorded(name)) {
        SchemaCompatibility.SchemaPairCompatibility result =
            SchemaCompatibility.checkReaderWriterCompatibility(now, old.schema());
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
          for (SchemaCompatibility.Incompatibility i : result.getResult().getIncompatibilities()) {
            problems.add(name + ".avsc cannot read data written with recorded v" + old.version() + ": "
                + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")");
          }
        }
      }
    }
    return problems;
  }

  /** Schemas whose current text differs from their latest recorded version (or have none). */
  public List<String> unrecorded() throws IOException {
    List<String> out = new ArrayList<>();
    for (String name : currentNames()) {
      List<Recorded> versions = recorded(name);
      Schema now = parse(current.resolve(name + ".avsc"));
      if (versions.isEmpty() || !versions.get(versions.size() - 1).schema().toString().equals(now.toString())) {
        out.add(name);
      }
    }
    return out;
  }

  /** Records each changed schema as its next version; refuses when the history check fails. */
  public List<String> record() throws IOException {
    List<String> problems = check();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Not recording incompatible schemas:\n  " + String.join("\n  ", problems));
    }
    List<String> written = new ArrayList<>();
    for (String name : unrecorded()) {
      List<Recorded> versions = recorded(name);
      int next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
      Path target = history.resolve(name).resolve("v" + next + ".avsc");
      Files.createDirectories(target.getParent());
      Files.copy(current.resolve(name + ".avsc"), target);
      written.add(history.relativize(target).toString());
    }
    return written;
  }

  private record Recorded(int version, Schema schema) {}

  private List<Recorded> recorded(String name) throws IOException {
    Path dir = history.resolve(name);
    List<Recorded> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          out.add(new Recorded(Integer.parseInt(m.group(1)), parse(file)));
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.version(), b.version()));
    return out;
  }

  private List<String> currentNames() throws IOException {
    try (Stream<Path> files = Files.list(current)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".avsc"))
          .map(n -> n.substring(0, n.length() - ".avsc".length()))
          .sorted()
          .toList();
    }
  }

  private static Schema parse(Path file) throws IOException {
    try {
      return new Schema.Parser().parse(file.toFile());
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a valid Avro schema: " + e.getMessage(), e);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !(args[0].equals("check") || args[0].equals("record"))) {
      throw new IllegalArgumentException("usage: SchemaHistory check|record <avro dir> <history dir>");
    }
    SchemaHistory h = new SchemaHistory(Path.of(args[1]), Path.of(args[2]));
    if (args[0].equals("record")) {
      List<String> written = h.record();
      System.out.println(written.isEmpty() ? "[schemas] nothing to record: every schema matches its latest version"
          : "[schemas] recorded " + String.join(", ", written));
      return;
    }
    List<String> problems = h.check();
    if (!problems.isEmpty()) {
      // Failing main() fails the Maven build (exec:java), which is the point.
      throw new IllegalStateException(
          "Schema change breaks BACKWARD_TRANSITIVE compatibility with recorded versions:\n  "
              + String.join("\n  ", problems)
              + "\nAdd fields with defaults, or remove only fields that have defaults.");
    }
    List<String> unrecorded = h.unrecorded();
    if (!unrecorded.isEmpty()) {
      System.out.println("[schemas] compatible, but not yet recorded as a version: " + unrecorded
          + " (record with: mvn -pl schemas compile exec:java@record-schemas)");
    }
  }
}
