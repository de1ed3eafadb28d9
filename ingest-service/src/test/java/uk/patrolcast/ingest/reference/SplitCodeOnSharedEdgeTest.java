package uk.patrolcast.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import uk.patrolcast.events.LsoaResolution;
import uk.patrolcast.platform.config.DataLayout;

/**
 * Split LSOA 2011 codes whose record lies on an edge shared by two children: the data rule gives no
 * answer there, and ingest and the independent count once chose differently (issues 3/4). The
 * documented resolution: the lowest LSOA21 code among the children whose polygon contains or borders
 * the point.
 */
class SplitCodeOnSharedEdgeTest {
  static final Path DATA = Path.of(System.getProperty("patrolcast.data.dir", "../shared/data"));

  /** The shared edge of E01034476 and E01034477 (gen20 boundaries) and a record at its midpoint. */
  static final Coordinate EDGE_NW = new Coordinate(0.10844, 51.522832);
  static final Coordinate EDGE_SE = new Coordinate(0.10879, 51.522286);
  static final double MID_LON = 0.108615;
  static final double MID_LAT = 51.522559;

  @Test
  void aPointOnASharedEdgeGoesToTheLowestCodeWhicheverSideRoundingPutsItOn() {
    // Two children on either side of the real edge; "LOW" is the one that exact binary arithmetic
    // leaves the point outside, so only the edge tolerance can give it the record.
    Geometry west = polygon(EDGE_NW, EDGE_SE, new Coordinate(0.1080, 51.5222), new Coordinate(0.1078, 51.5228));
    Geometry east = polygon(EDGE_SE, EDGE_NW, new Coordinate(0.1092, 51.5229), new Coordinate(0.1095, 51.5223));
    boolean westCovers = west.covers(LsoaBoundaries.point(MID_LON, MID_LAT));
    boolean eastCovers = east.covers(LsoaBoundaries.point(MID_LON, MID_LAT));
    assertThat(westCovers).as("exactly one side covers the decimal midpoint in binary arithmetic").isNotEqualTo(eastCovers);
    Map<String, Geometry> polygons = new LinkedHashMap<>();
    polygons.put("E01034476", westCovers ? east : west);
    polygons.put("E01034477", westCovers ? west : east);
    LsoaHarmoniser harmoniser = splitInto(polygons);

    LsoaBoundaries b = harmoniser.boundaries();
    assertThat(b.covers("E01034476", MID_LON, MID_LAT)).isFalse();
    assertThat(b.coversOrBorders("E01034476", MID_LON, MID_LAT)).isTrue();
    assertThat(b.coversOrBorders("E01034477", MID_LON, MID_LAT)).isTrue();
    LsoaHarmoniser.Outcome o = harmoniser.resolve("E01000092", MID_LON, MID_LAT);
    assertThat(o.lsoa21()).isEqualTo("E01034476");
    assertThat(o.resolution()).isEqualTo(LsoaResolution.SPLIT_POINT_IN_POLYGON);

    // One 6-decimal step (east) off the edge is off it: the record goes to the side it is on.
    assertThat(b.coversOrBorders("E01034476", MID_LON + 0.000001, MID_LAT)).isEqualTo(westCovers);
    assertThat(harmoniser.resolve("E01000092", westCovers ? MID_LON - 0.000001 : MID_LON + 0.000001, MID_LAT).lsoa21())
        .isEqualTo("E01034477");
  }

  @Test
  void aPointOnASharedVertexGoesToTheLowestCode() {
    Coordinate v = new Coordinate(0.067684, 51.556471);
    Map<String, Geometry> polygons = new LinkedHashMap<>();
    // Listed in the lookup's order (higher code first) to show that order does not decide.
    polygons.put("E01034477", polygon(v, new Coordinate(0.0685, 51.5558), new Coordinate(0.0690, 51.5570)));
    polygons.put("E01034476", polygon(v, new Coordinate(0.0670, 51.5570), new Coordinate(0.0671, 51.5561)));
    LsoaHarmoniser harmoniser = splitInto(polygons);
    assertThat(harmoniser.boundaries().covers("E01034476", v.x, v.y)).isTrue();
    assertThat(harmoniser.boundaries().covers("E01034477", v.x, v.y)).isTrue();
    assertThat(harmoniser.resolve("E01000092", v.x, v.y).lsoa21()).isEqualTo("E01034476");
  }

  /** The two records of the shared data that ingest and the independent count placed differently. */
  @Test
  void theTwoRealRecordsOnSharedBoundariesResolveToTheLowestCode() {
    assumeTrue(Files.isDirectory(DATA.resolve("lookups")), "shared data not found at " + DATA.toAbsolutePath() + ": skipped");
    LsoaHarmoniser harmoniser = ReferenceData.load(new DataLayout(DATA)).harmoniser();
    // Barking and Dagenham 019E: the midpoint of the 76/77 edge (7 records, 2015-01 to 2021-11).
    assertThat(harmoniser.resolve("E01000092", MID_LON, MID_LAT).lsoa21()).isEqualTo("E01034476");
    // Redbridge 032A: a vertex shared by 83 and 84 (7 records, 2022-08 to 2023-05).
    assertThat(harmoniser.resolve("E01003728", 0.067684, 51.556471).lsoa21()).isEqualTo("E01034483");
    // Points strictly inside one child stay there.
    assertThat(harmoniser.resolve("E01003728", 0.070161, 51.558910).lsoa21())
        .isEqualTo(harmoniser.boundaries().locate(0.070161, 51.558910));
  }

  private static LsoaHarmoniser splitInto(Map<String, Geometry> children) {
    Map<String, LsoaUniverse.Area> areas = new LinkedHashMap<>();
    children.keySet().forEach(c -> areas.put(c, new LsoaUniverse.Area(c, c, "E05000001", "Ward", "E09000002", "Borough", 0.1, 1500)));
    List<ExactFitLookup.Link> links = children.keySet().stream().map(c -> new ExactFitLookup.Link("E01000092", c, 'S')).toList();
    return new LsoaHarmoniser(new LsoaUniverse(areas), ExactFitLookup.of(links), new LsoaBoundaries(children));
  }

  private static Geometry polygon(Coordinate... ring) {
    Coordinate[] closed = new Coordinate[ring.length + 1];
    System.arraycopy(ring, 0, closed, 0, ring.length);
    closed[ring.length] = ring[0];
    return GeoJsonFeatures.GEOMETRY.createPolygon(closed);
  }
}
