package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The synthetic geography: polygons that tile, boundaries that nest, lookups that agree with each other. */
class GeographyTest {
  private final Path dir = GeneratedFixture.directory();

  /** LSOA codes that share a boundary edge (two consecutive vertices), read from the polygons alone. */
  static Map<String, Set<String>> sharedEdges(Path dir) {
    Map<String, List<String>> byEdge = new HashMap<>();
    for (JsonNode f : GeneratedFixture.geojson(dir.resolve(DataFile.LSOA_BOUNDARIES.path)).get("features")) {
      String code = f.get("properties").get("LSOA21CD").asText();
      JsonNode ring = f.get("geometry").get("coordinates").get(0);
      for (int i = 0; i + 1 < ring.size(); i++) {
        String a = ring.get(i).toString();
        String b = ring.get(i + 1).toString();
        String edge = a.compareTo(b) < 0 ? a + b : b + a;
        byEdge.computeIfAbsent(edge, k -> new ArrayList<>()).add(code);
      }
    }
    Map<String, Set<String>> out = new HashMap<>();
    for (List<String> codes : byEdge.values()) {
      for (String a : codes) {
        for (String b : codes) {
          if (!a.equals(b)) {
            out.computeIfAbsent(a, k -> new HashSet<>()).add(b);
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyLsoaSharesBoundaryEdgesWithNeighbours() {
    Map<String, Path2D> shapes = GeneratedFixture.lsoaShapes(dir);
    Map<String, Set<String>> neighbours = sharedEdges(dir);
    assertThat(shapes).hasSize(GeneratedFixture.OPTIONS.lsoas());
    for (String code : shapes.keySet()) {
      assertThat(neighbours.get(code)).as(code).isNotEmpty();
    }
    double mean = neighbours.values().stream().mapToInt(Set::size).average().orElse(0);
    assertThat(mean).isBetween(4.0, 8.0);
  }

  /** Random points of the map each fall in exactly one LSOA: no gaps, no overlaps. */
  @Test
  void lsoaPolygonsTileTheMap() {
    Map<String, Path2D> shapes = GeneratedFixture.lsoaShapes(dir);
    Rectangle2D bounds = null;
    for (Path2D s : shapes.values()) {
      bounds = bounds == null ? s.getBounds2D() : bounds.createUnion(s.getBounds2D());
    }
    List<Path2D> all = new ArrayList<>(shapes.values());
    List<Rectangle2D> boxes = all.stream().map(Path2D::getBounds2D).toList();
    Random rnd = new Random(3);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      double x = bounds.getMinX() + bounds.getWidth() * (0.01 + 0.98 * rnd.nextDouble());
      double y = bounds.getMinY() + bounds.getHeight() * (0.01 + 0.98 * rnd.nextDouble());
      int holders = 0;
      for (int k = 0; k < all.size(); k++) {
        if (boxes.get(k).contains(x, y) && all.get(k).contains(x, y)) {
          holders++;
        }
      }
      if (holders != 1) {
        wrong.add(x + " " + y + " in " + holders + " LSOAs");
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** A point is in a ward (or borough) polygon exactly when it is in one of that ward's (borough's) LSOAs. */
  @Test
  void wardAndBoroughBoundariesAreTheUnionsOfTheirLsoas() {
    Map<String, Path2D> lsoas = GeneratedFixture.lsoaShapes(dir);
    List<List<String>> universe = PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.UNIVERSE.path)));
    Map<String, List<String>> byWard = universe.stream().collect(Collectors.groupingBy(r -> r.get(2), Collectors.mapping(r -> r.get(0), Collectors.toList())));
    Map<String, List<String>> byLad = universe.stream().collect(Collectors.groupingBy(r -> r.get(4), Collectors.mapping(r -> r.get(0), Collectors.toList())));
    check(DataFile.WARD_BOUNDARIES, "WD24CD", byWard, lsoas);
    check(DataFile.BOROUGH_BOUNDARIES, "GSS_CODE", byLad, lsoas);
  }

  private void check(DataFile file, String codeProperty, Map<String, List<String>> members, Map<String, Path2D> lsoas) {
    JsonNode features = GeneratedFixture.geojson(dir.resolve(file.path)).get("features");
    assertThat(features.size()).isEqualTo(members.size());
    Random rnd = new Random(5);
    for (JsonNode f : features) {
      String code = f.get("properties").get(codeProperty).asText();
      Path2D area = GeneratedFixture.shape(f.get("geometry"));
      Rectangle2D b = area.getBounds2D();
      for (int i = 0; i < 40; i++) {
        double x = b.getMinX() + b.getWidth() * rnd.nextDouble();
        double y = b.getMinY() + b.getHeight() * rnd.nextDouble();
        boolean inMember = members.get(code).stream().anyMatch(m -> lsoas.get(m).contains(x, y));
        assertThat(area.contains(x, y)).as("%s at %f %f", code, x, y).isEqualTo(inMember);
      }
    }
  }

  @Test
  void areasNestAsOnsAreasDo() {
    List<List<String>> universe = PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.UNIVERSE.path)));
    assertThat(universe).hasSize(GeneratedFixture.OPTIONS.lsoas());
    Map<String, String> wardToLad = new HashMap<>();
    for (List<String> r : universe) {
      assertThat(r.get(0)).matches("[EW]01\\d{6}");
      assertThat(r.get(2)).matches("[EW]05\\d{6}");
      assertThat(r.get(4)).matches("[EW]0[6-9]\\d{6}");
      assertThat(wardToLad.getOrDefault(r.get(2), r.get(4))).as("ward in one authority").isEqualTo(r.get(4));
      wardToLad.put(r.get(2), r.get(4));
      assertThat(Double.parseDouble(r.get(6))).isPositive();
      assertThat(Integer.parseInt(r.get(7))).isBetween(600, 6000);
    }
    long wards = wardToLad.size();
    assertThat(GeneratedFixture.OPTIONS.lsoas() / (double) wards).isBetween(3.5, 7.0);
    // The City of London is an enclave of the Metropolitan Police, in its own authority.
    assertThat(universe.stream().filter(r -> r.get(5).equals("City of London")).map(r -> r.get(4)).distinct().toList())
        .containsExactly("E09000001");
  }

  @Test
  void exactFitLookupHasEveryKindOfChangeAndCoversTheUniverse() {
    List<List<String>> lookup = PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.EXACT_FIT.path)));
    Map<String, Long> kinds = lookup.stream().collect(Collectors.groupingBy(r -> r.get(4), Collectors.counting()));
    assertThat(kinds.keySet()).containsExactlyInAnyOrder("U", "S", "M", "X");
    assertThat(kinds.get("U") / (double) lookup.size()).isGreaterThan(0.85);
    Set<String> universe = PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.UNIVERSE.path))).stream()
        .map(r -> r.get(0)).collect(Collectors.toSet());
    assertThat(lookup.stream().map(r -> r.get(2)).collect(Collectors.toSet())).isEqualTo(universe);
    for (List<String> r : lookup) {
      if (r.get(4).equals("U")) {
        assertThat(r.get(0)).isEqualTo(r.get(2));
        assertThat(r.get(1)).isEqualTo(r.get(3));
      } else {
        assertThat(r.get(0)).isNotEqualTo(r.get(2));
      }
    }
    // Every 2011 LSOA has IoD scores, every 2021 LSOA census counts, a centroid and a ward.
    Set<String> codes2011 = lookup.stream().map(r -> r.get(0)).collect(Collectors.toSet());
    assertThat(column(DataFile.IOD, 0)).isEqualTo(codes2011);
    assertThat(column(DataFile.IOD_SUBDOMAINS, 0)).isEqualTo(codes2011);
    assertThat(column(DataFile.POPULATION_MID_2019, 0)).isEqualTo(codes2011);
    assertThat(column(DataFile.CENSUS_FEATURES, 0)).isEqualTo(universe);
    assertThat(column(DataFile.CENTROIDS, 1)).isEqualTo(universe);
    assertThat(column(DataFile.WARD24_LOOKUP, 0)).isEqualTo(universe);
    assertThat(column(DataFile.POPULATION_DENSITY, 0)).isEqualTo(universe);
  }

  private Set<String> column(DataFile file, int column) {
    return PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(file.path))).stream().map(r -> r.get(column)).collect(Collectors.toSet());
  }

  @Test
  void referenceRowsHaveTheirHeadersColumnCountsAndConsistentTotals() {
    for (DataFile f : DataFile.values()) {
      if (f.header == null) {
        continue;
      }
      List<List<String>> rows = GeneratedFixture.csv(dir.resolve(f.path));
      int columns = rows.get(0).size();
      assertThat(rows.subList(1, rows.size())).as(f.path).isNotEmpty().allSatisfy(r -> assertThat(r).hasSize(columns));
    }
    Map<String, Integer> population = new HashMap<>();
    for (List<String> r : PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.UNIVERSE.path)))) {
      population.put(r.get(0), Integer.parseInt(r.get(7)));
    }
    for (List<String> r : PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.CENSUS_FEATURES.path)))) {
      int ethnic = 0;
      for (int i = 1; i <= 20; i++) {
        ethnic += Integer.parseInt(r.get(i));
      }
      assertThat(ethnic).as("ethnic groups add up to the residents of " + r.get(0)).isEqualTo(population.get(r.get(0)));
      int industry = 0;
      for (int i = 36; i <= 44; i++) {
        industry += Integer.parseInt(r.get(i));
      }
      assertThat(industry).isEqualTo(population.get(r.get(0)));
    }
    for (List<String> r : PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.POPULATION_DENSITY.path)))) {
      assertThat(Integer.parseInt(r.get(23))).as("mid-2021 is the census population").isEqualTo(population.get(r.get(0)));
    }
  }

  /** The centroid file's British National Grid points fall inside their LSOA (converted back with the OS formulas). */
  @Test
  void centroidsLieInsideTheirLsoas() {
    Map<String, Path2D> shapes = GeneratedFixture.lsoaShapes(dir);
    List<List<String>> centroids = PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.CENTROIDS.path)));
    int inside = 0;
    for (List<String> r : centroids) {
      double[] en = {Double.parseDouble(r.get(3)), Double.parseDouble(r.get(4))};
      assertThat(r.get(2)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      double[] lonLat = BritishNationalGridTest.toWgs84(en[0], en[1]);
      if (shapes.get(r.get(1)).contains(lonLat[0], lonLat[1])) {
        inside++;
      }
    }
    assertThat(inside).isEqualTo(centroids.size());
  }
}
