package uk.patrolcast.ingest.reference;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The LSOA 2021 polygons (WGS84), indexed for point-in-polygon and nearest-polygon questions.
 * Distances are measured on a local equirectangular projection (metres), which is exact enough at
 * London's scale for "which polygon is nearest".
 */
public final class LsoaBoundaries {
  private static final double METRES_PER_DEGREE = 111_320.0;
  private static final double LONDON_LATITUDE = 51.5;

  private final Map<String, Geometry> polygons;
  private final Map<String, PreparedGeometry> prepared = new LinkedHashMap<>();
  private final STRtree index = new STRtree();

  public LsoaBoundaries(Map<String, Geometry> polygons) {
    this.polygons = Collections.unmodifiableMap(new LinkedHashMap<>(polygons));
    polygons.forEach((code, g) -> {
      prepared.put(code, PreparedGeometryFactory.prepare(g));
      index.insert(g.getEnvelopeInternal(), code);
    });
    index.build();
  }

  /** Reads the polygons of a GeoJSON file keyed by {@code LSOA21CD}. */
  public static LsoaBoundaries read(Path geojson) {
    Map<String, Geometry> polygons = new LinkedHashMap<>();
    for (GeoJsonFeatures.Feature f : GeoJsonFeatures.read(geojson)) {
      String code = f.property("LSOA21CD");
      if (code == null) {
        throw new IllegalArgumentException(geojson + ": a feature has no LSOA21CD property");
      }
      polygons.put(code, f.geometry());
    }
    return new LsoaBoundaries(polygons);
  }

  public Map<String, Geometry> polygons() {
    return polygons;
  }

  public Geometry polygon(String code) {
    return polygons.get(code);
  }

  /** Whether the polygon of {@code code} contains (or touches) the point. */
  public boolean covers(String code, double lon, double lat) {
    PreparedGeometry p = prepared.get(code);
    return p != null && p.covers(point(lon, lat));
  }

  /** Distance in metres from the point to the polygon of {@code code} (0 inside); infinite without a polygon. */
  public double distanceMetres(String code, double lon, double lat) {
    Geometry g = polygons.get(code);
    if (g == null) {
      return Double.POSITIVE_INFINITY;
    }
    Coordinate[] nearest = DistanceOp.nearestPoints(g, point(lon, lat));
    return metres(nearest[0], nearest[1]);
  }

  /** The first LSOA (by code) whose polygon covers the point, or null. */
  public String locate(double lon, double lat) {
    Point p = point(lon, lat);
    @SuppressWarnings("unchecked")
    List<String> candidates = index.query(p.getEnvelopeInternal());
    return candidates.stream().sorted().filter(c -> prepared.get(c).covers(p)).findFirst().orElse(null);
  }

  /** The LSOA whose polygon is nearest to the point within {@code maxMetres}, or null. */
  public String nearest(double lon, double lat, double maxMetres) {
    double degrees = maxMetres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(LONDON_LATITUDE)));
    Point p = point(lon, lat);
    org.locationtech.jts.geom.Envelope around = p.getEnvelopeInternal();
    around.expandBy(degrees);
    @SuppressWarnings("unchecked")
    List<String> candidates = index.query(around);
    String best = null;
    double bestDistance = maxMetres;
    for (String c : candidates.stream().sorted().toList()) {
      double d = distanceMetres(c, lon, lat);
      if (d <= bestDistance && (best == null || d < bestDistance)) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  public static Point point(double lon, double lat) {
    return GeoJsonFeatures.GEOMETRY.createPoint(new Coordinate(lon, lat));
  }

  /** Metres between two lon/lat coordinates on a local equirectangular projection. */
  public static double metres(Coordinate a, Coordinate b) {
    double dx = (a.x - b.x) * METRES_PER_DEGREE * Math.cos(Math.toRadians((a.y + b.y) / 2));
    double dy = (a.y - b.y) * METRES_PER_DEGREE;
    return Math.hypot(dx, dy);
  }
}
