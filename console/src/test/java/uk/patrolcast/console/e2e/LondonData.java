package uk.patrolcast.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.http.HttpApi;

/**
 * The real data a browser-test fixture publishes, read straight from the shared data directory:
 * the 4,994 London LSOAs with ward, borough, area and population, IoD 2019 scores carried from 2011
 * LSOAs, Census 2021 shares, polygon centroids and touching neighbours, and burglary counts per LSOA
 * and month from the police.uk files. The count is deliberately simple (an independent check, not
 * the ingest service's rules): 2011 codes that split go to the child with the most residents.
 */
final class LondonData {
  /** One LSOA's reference data. */
  static final class Area {
    final String code;
    final String name;
    final String wardCode;
    final String wardName;
    final String boroughCode;
    final String boroughName;
    final double areaKm2;
    final int population;
    double lat;
    double lon;
    final Set<String> neighbours = new TreeSet<>();
    final double[] iod = new double[10];
    int iodParents;
    final double[] census = new double[12];

    Area(String code, String name, String wardCode, String wardName, String boroughCode, String boroughName, double areaKm2,
        int population) {
      this.code = code;
      this.name = name;
      this.wardCode = wardCode;
      this.wardName = wardName;
      this.boroughCode = boroughCode;
      this.boroughName = boroughName;
      this.areaKm2 = areaKm2;
      this.population = population;
    }
  }

  /** A refused police.uk row: what the fixture publishes as a dead letter. */
  record Rejection(String source, long line, String reason, String message, String raw, String month, String force, String crimeId) {}

  /** What a month's files gave. */
  record MonthSource(String force, String file, String sha256, int rows, int accepted, int rejected) {}

  final Map<String, Area> areas = new LinkedHashMap<>();
  final List<String> codes = new ArrayList<>();
  final Map<String, Integer> index = new HashMap<>();
  final List<String> months = new ArrayList<>();
  /** counts[month][area]. */
  int[][] counts;
  final List<Rejection> rejections = new ArrayList<>();
  final Map<String, List<MonthSource>> sources = new TreeMap<>();

  static LondonData read(Path data, YearMonth first, YearMonth last) throws IOException {
    LondonData d = new LondonData();
    d.readUniverse(data.resolve("lookups/london_lsoa21_ward24_area_km2.csv"));
    Map<String, List<String[]>> lsoa11 = d.readLookup(data.resolve("lookups/LSOA11_to_LSOA21_to_LAD22_Exact_Fit_Lookup_EW_V3.csv.gz"));
    d.readIod(data.resolve("iod2019/iod2019_london_lsoa11.csv"), lsoa11);
    d.readCensus(data.resolve("census2021/london_lsoa21_census2021_features.csv"));
    d.readShapes(data.resolve("boundaries/geojson_wgs84/london_lsoa2021_ons_gen20.geojson.gz"));
    d.readCounts(data.resolve("police-uk"), first, last, lsoa11);
    return d;
  }

  private void readUniverse(Path file) throws IOException {
    try (CSVParser p = csv(file)) {
      for (CSVRecord r : p) {
        Area a = new Area(r.get("LSOA21CD"), r.get("LSOA21NM"), r.get("WD24CD"), r.get("WD24NM"), r.get("LAD24CD"),
            r.get("LAD24NM"), Double.parseDouble(r.get("area_km2")), Integer.parseInt(r.get("pop_mid2021")));
        index.put(a.code, codes.size());
        codes.add(a.code);
        areas.put(a.code, a);
      }
    }
  }

  /** LSOA11 code to its London LSOA21 children, as {code21, change indicator}. */
  private Map<String, List<String[]>> readLookup(Path file) throws IOException {
    Map<String, List<String[]>> out = new HashMap<>();
    try (CSVParser p = csv(file)) {
      for (CSVRecord r : p) {
        String code21 = r.get("LSOA21CD");
        if (areas.containsKey(code21)) {
          out.computeIfAbsent(r.get(0).replace("\uFEFF", ""), k -> new ArrayList<>()).add(new String[] {code21, r.get("CHGIND")});
        }
      }
    }
    return out;
  }

  private void readIod(Path file, Map<String, List<String[]>> lsoa11) throws IOException {
    String[] columns = {"Index of Multiple Deprivation (IMD) Score", "Income Score (rate)", "Employment Score (rate)",
        "Education, Skills and Training Score", "Health Deprivation and Disability Score", "Crime Score",
        "Barriers to Housing and Services Score", "Living Environment Score",
        "Income Deprivation Affecting Children Index (IDACI) Score (rate)",
        "Income Deprivation Affecting Older People (IDAOPI) Score (rate)"};
    try (CSVParser p = csv(file)) {
      for (CSVRecord r : p) {
        for (String[] child : lsoa11.getOrDefault(r.get("LSOA code (2011)"), List.of())) {
          Area a = areas.get(child[0]);
          for (int i = 0; i < columns.length; i++) {
            a.iod[i] += Double.parseDouble(r.get(columns[i]));
          }
          a.iodParents++;
        }
      }
    }
    for (Area a : areas.values()) {
      for (int i = 0; i < a.iod.length; i++) {
        a.iod[i] = a.iodParents == 0 ? 0 : a.iod[i] / a.iodParents;
      }
    }
  }

  private void readCensus(Path file) throws IOException {
    try (CSVParser p = CSVFormat.DEFAULT.builder().setSkipHeaderRecord(true).get().parse(reader(file))) {
      for (CSVRecord r : p) {
        Area a = areas.get(r.get(0));
        if (a == null) {
          continue;
        }
        double tenure = sum(r, 27, 30);
        double dwelling = sum(r, 21, 25);
        double rooms = sum(r, 32, 35);
        double nssec = sum(r, 46, 54);
        a.census[0] = share(sum(r, 27, 28), tenure);
        a.census[1] = share(v(r, 30), tenure);
        a.census[2] = share(v(r, 29), tenure);
        a.census[3] = share(v(r, 22), dwelling);
        a.census[4] = share(v(r, 23), dwelling);
        a.census[5] = share(v(r, 24), dwelling);
        a.census[6] = share(v(r, 25), dwelling);
        a.census[7] = share(sum(r, 33, 34), rooms);
        a.census[8] = share(v(r, 46), nssec);
        a.census[9] = share(sum(r, 48, 49), nssec);
        a.census[10] = share(v(r, 50), nssec);
        a.census[11] = share(v(r, 51), nssec);
      }
    }
  }

  /** Centroid as the mean of the outer ring's vertices; neighbours as polygons sharing a vertex. */
  private void readShapes(Path file) throws IOException {
    JsonNode root;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      root = HttpApi.JSON.readTree(in);
    }
    Map<String, List<String>> byVertex = new HashMap<>();
    for (JsonNode f : root.path("features")) {
      String code = f.path("properties").path("LSOA21CD").asText();
      Area a = areas.get(code);
      if (a == null) {
        continue;
      }
      JsonNode g = f.path("geometry");
      JsonNode polygons = "Polygon".equals(g.path("type").asText()) ? HttpApi.JSON.createArrayNode().add(g.path("coordinates"))
          : g.path("coordinates");
      double sx = 0;
      double sy = 0;
      int n = 0;
      for (JsonNode polygon : polygons) {
        for (JsonNode point : polygon.get(0)) {
          sx += point.get(0).asDouble();
          sy += point.get(1).asDouble();
          n++;
          byVertex.computeIfAbsent(point.get(0).asText() + "," + point.get(1).asText(), k -> new ArrayList<>(2)).add(code);
        }
      }
      a.lon = sx / n;
      a.lat = sy / n;
    }
    for (List<String> shared : byVertex.values()) {
      for (String x : shared) {
        for (String y : shared) {
          if (!x.equals(y)) {
            areas.get(x).neighbours.add(y);
          }
        }
      }
    }
  }

  private void readCounts(Path police, YearMonth first, YearMonth last, Map<String, List<String[]>> lsoa11) throws IOException {
    for (YearMonth m : Months.range(first, last)) {
      months.add(Months.format(m));
    }
    counts = new int[months.size()][codes.size()];
    Map<String, String> splitChild = new HashMap<>();
    lsoa11.forEach((code11, children) -> {
      String best = null;
      for (String[] c : children) {
        if (best == null || areas.get(c[0]).population > areas.get(best).population) {
          best = c[0];
        }
      }
      splitChild.put(code11, best);
    });
    for (int mi = 0; mi < months.size(); mi++) {
      String month = months.get(mi);
      for (String force : List.of("metropolitan", "city-of-london")) {
        Path file = police.resolve(force + "-street-burglary").resolve(month + "-" + force + "-street-burglary.csv.gz");
        if (!Files.exists(file)) {
          continue;
        }
        sources.computeIfAbsent(month, k -> new ArrayList<>()).add(countFile(file, month, mi, splitChild));
      }
    }
  }

  private MonthSource countFile(Path file, String month, int mi, Map<String, String> splitChild) throws IOException {
    MessageDigest sha = sha256();
    Set<String> seenIds = new HashSet<>();
    int rows = 0;
    int accepted = 0;
    int rejected = 0;
    String force = null;
    String name = file.getFileName().toString();
    try (InputStream raw = new DigestInputStream(new GZIPInputStream(Files.newInputStream(file)), sha);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      for (CSVRecord r : p) {
        rows++;
        force = r.get("Falls within");
        String code = r.get("LSOA code");
        String crimeId = r.get("Crime ID");
        long line = r.getRecordNumber() + 1;
        String rawLine = String.join(",", r.toList());
        if (code.isEmpty()) {
          rejected++;
          reject(name, line, "NO_LSOA", "The record has no LSOA code (no location)", rawLine, month, force, crimeId);
          continue;
        }
        if (!crimeId.isEmpty() && !seenIds.add(crimeId)) {
          rejected++;
          reject(name, line, "DUPLICATE_CRIME_ID", "Crime ID already counted in " + month, rawLine, month, force, crimeId);
          continue;
        }
        String code21 = areas.containsKey(code) ? code : splitChild.get(code);
        if (code21 == null) {
          rejected++;
          reject(name, line, "LSOA_OUTSIDE_LONDON", "LSOA code " + code + " is not a London LSOA (2011 or 2021)", rawLine,
              month, force, crimeId);
          continue;
        }
        counts[mi][index.get(code21)]++;
        accepted++;
      }
    }
    return new MonthSource(force == null ? "unknown" : force, name, HexFormat.of().formatHex(sha.digest()), rows, accepted,
        rejected);
  }

  private void reject(String source, long line, String reason, String message, String raw, String month, String force, String crimeId) {
    rejections.add(new Rejection(source, line, reason, message, raw, month, force, crimeId.isEmpty() ? null : crimeId));
  }

  int monthTotal(int mi) {
    int s = 0;
    for (int c : counts[mi]) {
      s += c;
    }
    return s;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CSVParser csv(Path file) throws IOException {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader(file));
  }

  private static Reader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static double v(CSVRecord r, int i) {
    String s = r.get(i);
    return s.isEmpty() ? 0 : Double.parseDouble(s);
  }

  private static double sum(CSVRecord r, int from, int to) {
    double s = 0;
    for (int i = from; i <= to; i++) {
      s += v(r, i);
    }
    return s;
  }

  private static double share(double part, double whole) {
    return whole <= 0 ? 0 : part / whole;
  }
}
