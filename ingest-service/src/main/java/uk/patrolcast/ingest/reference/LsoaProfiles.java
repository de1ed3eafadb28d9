package uk.patrolcast.ingest.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.platform.config.DataLayout;

/**
 * Builds one {@link LsoaProfile} per LSOA of the universe from the reference files of a data
 * directory: ward and borough, area, population, IoD 2019 carried to 2021, Census 2021 shares, the
 * ONS population-weighted centroid (converted from British National Grid to WGS84) and the
 * neighbours.
 */
public final class LsoaProfiles {
  private static final Logger log = LoggerFactory.getLogger(LsoaProfiles.class);
  /** Distance under which two polygons count as touching. */
  public static final double NEIGHBOUR_TOLERANCE_METRES = 5.0;

  private LsoaProfiles() {}

  /** Profiles in universe order. */
  public static List<LsoaProfile> build(DataLayout data, LsoaUniverse universe, ExactFitLookup lookup, LsoaBoundaries boundaries) {
    long started = System.nanoTime();
    IodScoresByLsoa21 iod = IodScoresByLsoa21.read(data.path("iod2019"), lookup);
    CensusSharesByLsoa21 census = CensusSharesByLsoa21.read(data.path("census2021"));
    Map<String, double[]> centroids = centroids(data.path("lsoa21-centroids"), universe);
    Map<String, List<String>> neighbours = LsoaNeighbours.of(boundaries.polygons(), NEIGHBOUR_TOLERANCE_METRES);
    String method = String.format(LsoaNeighbours.METHOD_TEMPLATE, formatMetres(NEIGHBOUR_TOLERANCE_METRES));
    String sources = String.join("; ", List.of(
        relative(data, "lsoa-universe"), relative(data, "lsoa11-lsoa21"), relative(data, "iod2019"),
        relative(data, "census2021"), relative(data, "lsoa21-centroids"), relative(data, "boundaries.lsoa21")));
    List<LsoaProfile> out = new ArrayList<>();
    for (String code : universe.codes()) {
      LsoaUniverse.Area a = universe.area(code);
      double[] lonLat = centroids.get(code);
      if (lonLat == null) {
        if (boundaries.polygon(code) == null) {
          throw new IllegalStateException("LSOA " + code + " has neither a population-weighted centroid nor a polygon");
        }
        Point p = boundaries.polygon(code).getInteriorPoint();
        log.warn("LSOA {} has no population-weighted centroid: using an interior point of its polygon", code);
        lonLat = new double[] {p.getX(), p.getY()};
      }
      List<String> near = neighbours.getOrDefault(code, List.of());
      if (near.isEmpty()) {
        throw new IllegalStateException("LSOA " + code + " has no polygon in " + data.lsoa21Boundaries() + ", so no neighbours");
      }
      out.add(LsoaProfile.newBuilder()
          .setLsoa21cd(code)
          .setName(a.name())
          .setWardCode(a.wardCode())
          .setWardName(a.wardName())
          .setBoroughCode(a.boroughCode())
          .setBoroughName(a.boroughName())
          .setAreaKm2(a.areaKm2())
          .setPopulation(a.population())
          .setCentroidLat(round6(lonLat[1]))
          .setCentroidLon(round6(lonLat[0]))
          .setNeighbours(near)
          .setNeighbourMethod(method)
          .setIod(iod.scores(code))
          .setCensus(census.shares(code))
          .setSources(sources)
          .build());
    }
    log.info("Built {} LSOA profiles in {} ms", out.size(), (System.nanoTime() - started) / 1_000_000);
    return out;
  }

  /** WGS84 {lon, lat} of the population-weighted centroid of each universe LSOA. */
  static Map<String, double[]> centroids(Path file, LsoaUniverse universe) {
    CsvTable t = CsvTable.read(file);
    BritishNationalGrid grid = new BritishNationalGrid();
    Map<String, double[]> out = new HashMap<>();
    for (CSVRecord r : t.rows()) {
      String code = t.get(r, "LSOA21CD");
      if (universe.contains(code)) {
        out.put(code, grid.toWgs84(t.number(r, "x"), t.number(r, "y")));
      }
    }
    return out;
  }

  private static String relative(DataLayout data, String input) {
    Path p = data.path(input);
    return p.startsWith(data.root()) ? data.root().relativize(p).toString() : p.toString();
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static String formatMetres(double m) {
    return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
  }
}
