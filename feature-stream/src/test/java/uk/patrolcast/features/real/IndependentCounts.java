package uk.patrolcast.features.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Burglaries per (month, LSOA21) counted straight from the raw police.uk files by the data rules of
 * ARCHITECTURE.md, written independently of ingest and of the feature stream (a plain loop, its own
 * lookup handling and its own point-in-polygon), so that comparing it with {@code features.csv}
 * means something.
 *
 * <p>Rules, in order: Burglary rows of the Met and City files; no LSOA code → not counted; a
 * non-empty Crime ID seen before in the same file → not counted; a London LSOA 2021 code counts as
 * it is; a London LSOA 2011 code maps with the exact-fit lookup (U and M directly; S and X to the
 * child polygon containing the point, else the nearest child polygon, else the child with the
 * largest population); anything else is not counted.
 */
final class IndependentCounts {
  private final Set<String> universe = new HashSet<>();
  private final Map<String, Integer> population = new HashMap<>();
  private final Map<String, List<String>> children = new HashMap<>();
  private final Map<String, String> change = new HashMap<>();
  private final Path dataDir;
  private Map<String, List<double[][]>> polygons;

  IndependentCounts(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    try (Reader in = Files.newBufferedReader(dataDir.resolve("lookups/london_lsoa21_ward24_area_km2.csv"))) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        universe.add(r.get("LSOA21CD"));
        population.put(r.get("LSOA21CD"), Integer.parseInt(r.get("pop_mid2021")));
      }
    }
    try (Reader in = gzipReader(dataDir.resolve("lookups/LSOA11_to_LSOA21_to_LAD22_Exact_Fit_Lookup_EW_V3.csv.gz"))) {
      for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
        String lsoa11 = r.get(0).replace("\uFEFF", "");
        String lsoa21 = r.get(2);
        if (universe.contains(lsoa21)) {
          children.computeIfAbsent(lsoa11, k -> new ArrayList<>()).add(lsoa21);
          change.put(lsoa11, r.get(4));
        }
      }
    }
  }

  Set<String> universe() {
    return universe;
  }

  /** Months present in the police files (YYYY-MM), in order. */
  List<String> months() throws IOException {
    Set<String> months = new java.util.TreeSet<>();
    for (Path f : policeFiles()) {
      months.add(f.getFileName().toString().substring(0, 7));
    }
    return new ArrayList<>(months);
  }

  /** month → lsoa21 → count, for the given months (only areas with at least one burglary appear). */
  Map<String, Map<String, Integer>> count(Predicate<String> months) throws IOException {
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    for (Path file : policeFiles()) {
      String month = file.getFileName().toString().substring(0, 7);
      if (months.test(month)) {
        Map<String, Integer> cells = out.computeIfAbsent(month, m -> new HashMap<>());
        forEachCounted(file, (row, lsoa21) -> cells.merge(lsoa21, 1, Integer::sum));
      }
    }
    return out;
  }

  /** Hands every row of a police file that the rules count, with the LSOA21 it counts in, in file order. */
  void forEachCounted(Path file, BiConsumer<CSVRecord, String> counted) throws IOException {
    Set<String> ids = new HashSet<>();
    try (Reader in = gzipReader(file)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (!"Burglary".equals(row.get("Crime type")) || row.get("LSOA code").isEmpty()) {
          continue;
        }
        String id = row.get("Crime ID");
        if (!id.isEmpty() && !ids.add(id)) {
          continue;
        }
        String lsoa21 = lsoa21(row.get("LSOA code"), row.get("Longitude"), row.get("Latitude"));
        if (lsoa21 != null) {
          counted.accept(row, lsoa21);
        }
      }
    }
  }

  private String lsoa21(String code, String lon, String lat) throws IOException {
    if (universe.contains(code)) {
      return code;
    }
    List<String> kids = children.get(code);
    if (kids == null) {
      return null;
    }
    String chg = change.get(code);
    if (!"S".equals(chg) && !"X".equals(chg)) {
      return kids.get(0);
    }
    if (lon.isEmpty() || lat.isEmpty()) {
      return kids.stream().max((a, b) -> Integer.compare(population.get(a), population.get(b))).orElseThrow();
    }
    double x = Double.parseDouble(lon);
    double y = Double.parseDouble(lat);
    String nearest = null;
    double best = Double.MAX_VALUE;
    for (String kid : kids) {
      double d = distance(polygons().get(kid), x, y);
      if (d < best) {
        best = d;
        nearest = kid;
      }
    }
    return nearest;
  }

  /** 0 inside the polygon (outer rings minus holes), else the planar distance to its nearest edge. */
  private static double distance(List<double[][]> rings, double x, double y) {
    boolean inside = false;
    double best = Double.MAX_VALUE;
    for (double[][] ring : rings) {
      for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        double[] a = ring[i];
        double[] b = ring[j];
        if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
          inside = !inside; // even-odd over all rings: holes subtract themselves
        }
        best = Math.min(best, segmentDistance(a, b, x, y));
      }
    }
    return inside ? 0 : best;
  }

  private static double segmentDistance(double[] a, double[] b, double x, double y) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double t = dx == 0 && dy == 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(a[0] + t * dx - x, a[1] + t * dy - y);
  }

  private Map<String, List<double[][]>> polygons() throws IOException {
    if (polygons == null) {
      polygons = new HashMap<>();
      JsonNode root;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(dataDir.resolve("boundaries/geojson_wgs84/london_lsoa2021_ons_gen20.geojson.gz")))) {
        root = new ObjectMapper().readTree(in);
      }
      for (JsonNode f : root.get("features")) {
        JsonNode geometry = f.get("geometry");
        List<double[][]> rings = new ArrayList<>();
        JsonNode parts = "Polygon".equals(geometry.get("type").asText())
            ? new ObjectMapper().createArrayNode().add(geometry.get("coordinates")) : geometry.get("coordinates");
        for (JsonNode polygon : parts) {
          for (JsonNode ring : polygon) {
            double[][] points = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
              points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            rings.add(points);
          }
        }
        polygons.put(f.get("properties").get("LSOA21CD").asText(), rings);
      }
    }
    return polygons;
  }

  List<Path> policeFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dataDir.resolve("police-uk"))) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-.*-street-burglary\\.csv\\.gz")).sorted().toList();
    }
  }

  static Reader gzipReader(Path file) throws IOException {
    return new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8);
  }
}
