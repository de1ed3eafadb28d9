package uk.patrolcast.ingest.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import uk.patrolcast.ingest.reference.GeoJsonFeatures;

/**
 * The polygons ingest asks the API about: one per borough (each part of a multi-part borough on its
 * own), simplified so that the {@code poly} parameter stays short, keyed by borough code; and the split
 * of a polygon into quadrants when the API answers that it holds too many crimes.
 */
public final class QueryPolygons {
  private static final double METRES_PER_DEGREE = 111_320.0;

  private QueryPolygons() {}

  /** Borough polygons by id ({@code <GSS_CODE>} or {@code <GSS_CODE>-<part>}), in code order. */
  public static Map<String, Polygon> boroughs(Path geojson, double simplifyMetres) {
    Map<String, Polygon> out = new java.util.TreeMap<>();
    for (GeoJsonFeatures.Feature f : GeoJsonFeatures.read(geojson)) {
      String code = f.property("GSS_CODE");
      if (code == null) {
        code = f.property("LAD24CD");
      }
      if (code == null) {
        throw new IllegalArgumentException(geojson + ": a borough has neither GSS_CODE nor LAD24CD");
      }
      Geometry g = simplifyMetres > 0
          ? TopologyPreservingSimplifier.simplify(f.geometry(), simplifyMetres / METRES_PER_DEGREE)
          : f.geometry();
      List<Polygon> parts = polygons(g);
      for (int i = 0; i < parts.size(); i++) {
        out.put(parts.size() == 1 ? code : code + "-" + (i + 1), parts.get(i));
      }
    }
    return new LinkedHashMap<>(out);
  }

  /** The four quadrants of a polygon's envelope intersected with it (empty parts dropped). */
  public static List<Polygon> quadrants(Polygon p) {
    Envelope e = p.getEnvelopeInternal();
    double mx = (e.getMinX() + e.getMaxX()) / 2;
    double my = (e.getMinY() + e.getMaxY()) / 2;
    List<Polygon> out = new ArrayList<>();
    double[][] boxes = {
      {e.getMinX(), mx, e.getMinY(), my}, {mx, e.getMaxX(), e.getMinY(), my},
      {e.getMinX(), mx, my, e.getMaxY()}, {mx, e.getMaxX(), my, e.getMaxY()}};
    for (double[] b : boxes) {
      Geometry box = GeoJsonFeatures.GEOMETRY.toGeometry(new Envelope(b[0], b[1], b[2], b[3]));
      out.addAll(polygons(p.intersection(box)));
    }
    return out;
  }

  static List<Polygon> polygons(Geometry g) {
    List<Polygon> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon poly && !poly.isEmpty() && poly.getArea() > 0) {
        out.add(poly);
      }
    }
    return out;
  }
}
