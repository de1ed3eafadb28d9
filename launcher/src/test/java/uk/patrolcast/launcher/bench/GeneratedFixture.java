package uk.patrolcast.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Path2D;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import uk.patrolcast.platform.files.FileTree;

/**
 * A small generated directory (500 LSOAs, 3 forces, 24 months) shared by this package's tests: it
 * is generated once per test JVM, into a temporary directory removed at exit. The tests read it
 * back with their own readers (Jackson, {@link Path2D}), not with the generator's classes.
 */
final class GeneratedFixture {
  static final GeneratorOptions OPTIONS =
      new GeneratorOptions(Profile.ENGLAND_WALES, 500, 3, 24, YearMonth.of(2014, 3), 7, 1.0, 2, 1);
  private static Path directory;

  private GeneratedFixture() {}

  static synchronized Path directory() {
    if (directory == null) {
      try {
        Path dir = Files.createTempDirectory("patrolcast-generated");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTree.deleteQuietly(dir)));
        DataGenerator.generate(OPTIONS, dir);
        directory = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return directory;
  }

  /** The text of a file (gunzipped when its name ends in .gz), bytes as written. */
  static byte[] bytes(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of a (possibly gzipped) text file, the first one included. */
  static List<String> lines(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One police.uk row. */
  record Row(String crimeId, String month, String reportedBy, String fallsWithin, String lon, String lat, String location,
      String lsoaCode, String lsoaName, String crimeType, String outcome, String context) {
    boolean located() {
      return !lsoaCode.isEmpty();
    }
  }

  /** The data rows of a police file (none of our rows needs CSV quoting, which the test also checks). */
  static List<Row> rows(Path file) {
    List<String> lines = lines(file);
    List<Row> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.indexOf('"') >= 0) {
        throw new AssertionError("Unexpected quote in " + file + ": " + line);
      }
      String[] f = line.split(",", -1);
      if (f.length != 12) {
        throw new AssertionError("Expected 12 columns in " + file + ": " + line);
      }
      out.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]));
    }
    return out;
  }

  /** Every police file of the directory, by relative path. */
  static Map<String, Path> policeFiles(Path dir) {
    Map<String, Path> out = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(dir.resolve("police-uk"))) {
      all.filter(p -> p.toString().endsWith("-street.csv.gz")).sorted()
          .forEach(p -> out.put(dir.resolve("police-uk").relativize(p).toString(), p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static JsonNode geojson(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shape of a GeoJSON Polygon or MultiPolygon (even-odd, so holes are holes). */
  static Path2D shape(JsonNode geometry) {
    Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    List<JsonNode> polygons = new ArrayList<>();
    if (geometry.get("type").asText().equals("Polygon")) {
      polygons.add(geometry.get("coordinates"));
    } else {
      geometry.get("coordinates").forEach(polygons::add);
    }
    for (JsonNode polygon : polygons) {
      for (JsonNode ring : polygon) {
        boolean first = true;
        for (JsonNode p : ring) {
          if (first) {
            path.moveTo(p.get(0).asDouble(), p.get(1).asDouble());
          } else {
            path.lineTo(p.get(0).asDouble(), p.get(1).asDouble());
          }
          first = false;
        }
        path.closePath();
      }
    }
    return path;
  }

  /** LSOA code → polygon, from the LSOA boundary file. */
  static Map<String, Path2D> lsoaShapes(Path dir) {
    Map<String, Path2D> out = new LinkedHashMap<>();
    for (JsonNode f : geojson(dir.resolve(DataFile.LSOA_BOUNDARIES.path)).get("features")) {
      out.put(f.get("properties").get("LSOA21CD").asText(), shape(f.get("geometry")));
    }
    return out;
  }

  /** Rows of a reference CSV as field lists (simple CSV: quoted fields may hold commas). */
  static List<List<String>> csv(Path file) {
    List<List<String>> out = new ArrayList<>();
    for (String line : lines(file)) {
      List<String> fields = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            f.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.add(f.toString());
          f.setLength(0);
        } else {
          f.append(c);
        }
      }
      fields.add(f.toString());
      out.add(fields);
    }
    return out;
  }
}
