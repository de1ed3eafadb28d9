package uk.patrolcast.features.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.patrolcast.events.CensusShares;
import uk.patrolcast.events.IodScores;
import uk.patrolcast.events.LsoaProfile;

/**
 * Area universes for the benchmark and the tests, in the shape of ingest's LsoaProfiles: London's
 * 4,994 real LSOAs (codes, wards, boroughs, areas and populations from the shared lookup; neighbours
 * = the 6 nearest population-weighted centroids, a stand-in for ingest's touching polygons), or a
 * synthetic grid. Deprivation and census values are seeded random numbers.
 */
public final class Universes {
  private Universes() {}

  /** {@code n} areas on a square grid, each touching its up to 8 grid neighbours. */
  public static List<LsoaProfile> grid(int n, long seed) {
    int side = (int) Math.ceil(Math.sqrt(n));
    Random random = new Random(seed);
    List<LsoaProfile> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int row = i / side;
      int col = i % side;
      List<String> neighbours = new ArrayList<>();
      for (int dr = -1; dr <= 1; dr++) {
        for (int dc = -1; dc <= 1; dc++) {
          int r = row + dr;
          int c = col + dc;
          int j = r * side + c;
          if ((dr != 0 || dc != 0) && r >= 0 && c >= 0 && c < side && j < n) {
            neighbours.add(gridCode(j));
          }
        }
      }
      neighbours.sort(null);
      out.add(profile(gridCode(i), "Grid " + i, "E05" + String.format("%06d", i / 8), "E09" + String.format("%06d", i / 200),
          0.1 + random.nextDouble() * 0.6, 1000 + random.nextInt(2000), 51.3 + row * 0.005, -0.5 + col * 0.008,
          neighbours, "grid (queen contiguity)", random));
    }
    return out;
  }

  public static String gridCode(int i) {
    return String.format("E%08d", 1_000_000 + i);
  }

  /** London's LSOA universe from {@code dataDir}/lookups. */
  public static List<LsoaProfile> london(Path dataDir, long seed) throws IOException {
    Path lookup = dataDir.resolve("lookups/london_lsoa21_ward24_area_km2.csv");
    Path centroids = dataDir.resolve("lookups/LSOA21_Dec2021_population_weighted_centroids_EW.csv.gz");
    List<CSVRecord> areas;
    try (Reader in = Files.newBufferedReader(lookup, StandardCharsets.UTF_8)) {
      areas = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
    Map<String, double[]> xy = new HashMap<>();
    try (InputStream raw = new GZIPInputStream(Files.newInputStream(centroids));
        Reader in = new InputStreamReader(raw, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
        if (r.getRecordNumber() > 1) {
          xy.put(r.get(1), new double[] {Double.parseDouble(r.get(3)), Double.parseDouble(r.get(4))});
        }
      }
    }
    int n = areas.size();
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      points[i] = xy.get(areas.get(i).get("LSOA21CD"));
      if (points[i] == null) {
        throw new IllegalStateException("No centroid for " + areas.get(i).get("LSOA21CD") + " in " + centroids);
      }
    }
    Random random = new Random(seed);
    List<LsoaProfile> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      CSVRecord a = areas.get(i);
      List<String> neighbours = new ArrayList<>();
      for (int j : nearest(points, i, 6)) {
        neighbours.add(areas.get(j).get("LSOA21CD"));
      }
      neighbours.sort(null);
      // Roughly WGS84 from British National Grid near London; display only.
      double lat = 49.766 + points[i][1] / 111_200.0;
      double lon = -7.557 + points[i][0] / 69_300.0;
      out.add(profile(a.get("LSOA21CD"), a.get("LSOA21NM"), a.get("WD24CD"), a.get("LAD24CD"),
          Double.parseDouble(a.get("area_km2")), Integer.parseInt(a.get("pop_mid2021")), lat, lon,
          neighbours, "6 nearest population-weighted centroids (benchmark)", random));
    }
    return out;
  }

  private static int[] nearest(double[][] points, int i, int k) {
    int[] best = new int[k];
    double[] dist = new double[k];
    java.util.Arrays.fill(dist, Double.MAX_VALUE);
    for (int j = 0; j < points.length; j++) {
      if (j == i) {
        continue;
      }
      double dx = points[i][0] - points[j][0];
      double dy = points[i][1] - points[j][1];
      double d = dx * dx + dy * dy;
      if (d < dist[k - 1]) {
        int p = k - 1;
        while (p > 0 && dist[p - 1] > d) {
          dist[p] = dist[p - 1];
          best[p] = best[p - 1];
          p--;
        }
        dist[p] = d;
        best[p] = j;
      }
    }
    return best;
  }

  private static LsoaProfile profile(String code, String name, String ward, String borough, double area, int population,
      double lat, double lon, List<String> neighbours, String method, Random random) {
    double owned = 0.2 + random.nextDouble() * 0.5;
    double social = random.nextDouble() * (1 - owned);
    double flats = random.nextDouble();
    double detached = random.nextDouble() * (1 - flats) * 0.3;
    double semi = random.nextDouble() * (1 - flats - detached);
    return LsoaProfile.newBuilder()
        .setLsoa21cd(code)
        .setName(name)
        .setWardCode(ward)
        .setWardName(ward)
        .setBoroughCode(borough)
        .setBoroughName(borough)
        .setAreaKm2(area)
        .setPopulation(population)
        .setCentroidLat(lat)
        .setCentroidLon(lon)
        .setNeighbours(neighbours)
        .setNeighbourMethod(method)
        .setIod(IodScores.newBuilder()
            .setImd(5 + random.nextDouble() * 50).setIncome(random.nextDouble() * 0.4).setEmployment(random.nextDouble() * 0.3)
            .setEducation(random.nextDouble() * 60).setHealth(random.nextDouble() * 3 - 1.5).setCrime(random.nextDouble() * 3 - 1)
            .setHousingBarriers(10 + random.nextDouble() * 40).setLivingEnvironment(10 + random.nextDouble() * 50)
            .setIdaci(random.nextDouble() * 0.5).setIdaopi(random.nextDouble() * 0.5).build())
        .setCensus(CensusShares.newBuilder()
            .setOwned(owned).setSocialRented(social).setPrivateRented(1 - owned - social)
            .setFlats(flats).setDetached(detached).setSemiDetached(semi).setTerraced(Math.max(0, 1 - flats - detached - semi))
            .setOvercrowded(random.nextDouble() * 0.2).setHigherOccupations(random.nextDouble() * 0.6)
            .setRoutineOccupations(random.nextDouble() * 0.3).setNeverWorked(random.nextDouble() * 0.15)
            .setStudents(random.nextDouble() * 0.2).build())
        .setSources("synthetic (patrolcast feature-stream benchmark)")
        .build();
  }
}
