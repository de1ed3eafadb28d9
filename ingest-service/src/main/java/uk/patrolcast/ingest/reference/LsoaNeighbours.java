package uk.patrolcast.ingest.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Queen contiguity between LSOA polygons: two areas are neighbours when their polygons touch, even at
 * a single point, or come within a small tolerance of each other. The tolerance absorbs the slivers
 * and hairline gaps that generalised (20 m) boundaries rounded to 6 decimals leave between areas that
 * touch on the ground. An area that still has no neighbour (an island) gets the nearest polygon, so
 * every area has at least one; the relation is kept symmetric.
 */
public final class LsoaNeighbours {
  public static final String METHOD_TEMPLATE =
      "touching polygons (queen contiguity, %s m tolerance on the ONS 2021 generalised boundaries; an area touching none gets its nearest polygon)";
  private static final double METRES_PER_DEGREE_LAT = 111_320.0;

  private LsoaNeighbours() {}

  /** Sorted neighbour codes per area. */
  public static Map<String, List<String>> of(Map<String, Geometry> polygons, double toleranceMetres) {
    // A degree of longitude is shorter than a degree of latitude: convert with London's longitude scale
    // so that the tolerance is at least toleranceMetres in every direction.
    double tolerance = toleranceMetres / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(51.7)));
    STRtree index = new STRtree();
    polygons.forEach((code, g) -> index.insert(g.getEnvelopeInternal(), code));
    index.build();
    Map<String, TreeSet<String>> out = new HashMap<>();
    polygons.keySet().forEach(c -> out.put(c, new TreeSet<>()));
    for (Map.Entry<String, Geometry> e : polygons.entrySet()) {
      String code = e.getKey();
      Geometry g = e.getValue();
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(g);
      IndexedFacetDistance facets = null;
      Envelope around = new Envelope(g.getEnvelopeInternal());
      around.expandBy(tolerance);
      @SuppressWarnings("unchecked")
      List<String> candidates = index.query(around);
      for (String other : candidates) {
        if (other.compareTo(code) <= 0) {
          continue;
        }
        Geometry h = polygons.get(other);
        boolean touching = prepared.intersects(h);
        if (!touching) {
          if (facets == null) {
            facets = new IndexedFacetDistance(g);
          }
          touching = facets.isWithinDistance(h, tolerance);
        }
        if (touching) {
          out.get(code).add(other);
          out.get(other).add(code);
        }
      }
    }
    for (Map.Entry<String, TreeSet<String>> e : out.entrySet()) {
      if (e.getValue().isEmpty()) {
        String nearest = nearest(e.getKey(), polygons, index);
        if (nearest != null) {
          e.getValue().add(nearest);
          out.get(nearest).add(e.getKey());
        }
      }
    }
    Map<String, List<String>> lists = new HashMap<>();
    out.forEach((k, v) -> lists.put(k, new ArrayList<>(v)));
    return lists;
  }

  private static String nearest(String code, Map<String, Geometry> polygons, STRtree index) {
    Geometry g = polygons.get(code);
    String best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (double reach = 0.01; best == null && reach < 1.0; reach *= 4) {
      Envelope around = new Envelope(g.getEnvelopeInternal());
      around.expandBy(reach);
      @SuppressWarnings("unchecked")
      List<String> candidates = index.query(around);
      for (String other : candidates.stream().sorted().toList()) {
        if (!other.equals(code)) {
          double d = g.distance(polygons.get(other));
          if (d < bestDistance) {
            bestDistance = d;
            best = other;
          }
        }
      }
    }
    return best;
  }
}
