package uk.patrolcast.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import uk.patrolcast.platform.http.HttpApi;

/**
 * Boundaries made light enough for a browser to draw all of London: each polygon simplified
 * (topology-preserving Douglas-Peucker), coordinates rounded to 2e-5 degrees (about 2 m) and
 * written as delta-encoded integers, then gzipped once. The 4,994 LSOAs go from 5.5 MB of GeoJSON
 * to a few hundred kB.
 *
 * <p>Format: {@code {"level", "scale", "codes": [...], "names": [...], "shapes": [feature: [polygon:
 * [ring: [x0, y0, dx1, dy1, ...]]]]}} with x = longitude × scale, y = latitude × scale.
 */
public final class BoundaryShapes {
  /** Coordinates are kept to 1/SCALE degrees: 2e-5 degrees is 1.4 to 2.2 m in London. */
  public static final int SCALE = 50_000;

  private final String level;
  private final List<String> codes;
  private final List<String> names;
  private final byte[] gzipped;
  private final int rawBytes;
  private final int sourceVertices;
  private final int vertices;

  private BoundaryShapes(String level, List<String> codes, List<String> names, byte[] gzipped, int rawBytes,
      int sourceVertices, int vertices) {
    this.level = level;
    this.codes = codes;
    this.names = names;
    this.gzipped = gzipped;
    this.rawBytes = rawBytes;
    this.sourceVertices = sourceVertices;
    this.vertices = vertices;
  }

  /**
   * Reads a (gzipped) GeoJSON FeatureCollection.
   *
   * @param codeProperty property holding the area code (e.g. LSOA21CD)
   * @param nameProperty property holding the display name
   * @param tolerance simplification tolerance in degrees (0 keeps every vertex)
   */
  public static BoundaryShapes load(String level, Path file, String codeProperty, String nameProperty, double tolerance)
      throws IOException {
    JsonNode root;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      root = HttpApi.JSON.readTree(in);
    }
    JsonNode features = root.path("features");
    if (!features.isArray()) {
      throw new IOException(file + " is not a GeoJSON FeatureCollection");
    }
    GeometryFactory factory = new GeometryFactory();
    List<String> codes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<List<List<int[]>>> shapes = new ArrayList<>();
    int[] counts = new int[2];
    for (JsonNode f : features) {
      String code = f.path("properties").path(codeProperty).asText(null);
      if (code == null) {
        throw new IOException(file + ": a feature has no " + codeProperty + " property");
      }
      Geometry g = geometry(factory, f.path("geometry"), counts);
      if (tolerance > 0) {
        g = TopologyPreservingSimplifier.simplify(g, tolerance);
      }
      codes.add(code);
      names.add(f.path("properties").path(nameProperty).asText(code));
      shapes.add(encode(g, counts));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("level", level);
    body.put("scale", SCALE);
    body.put("codes", codes);
    body.put("names", names);
    body.put("shapes", shapes);
    byte[] json = HttpApi.JSON.writeValueAsBytes(body);
    return new BoundaryShapes(level, List.copyOf(codes), List.copyOf(names), Compression.gzip(json), json.length, counts[0], counts[1]);
  }

  private static Geometry geometry(GeometryFactory factory, JsonNode g, int[] counts) throws IOException {
    String type = g.path("type").asText();
    JsonNode c = g.path("coordinates");
    if ("Polygon".equals(type)) {
      return polygon(factory, c, counts);
    }
    if ("MultiPolygon".equals(type)) {
      Polygon[] parts = new Polygon[c.size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = polygon(factory, c.get(i), counts);
      }
      return factory.createMultiPolygon(parts);
    }
    throw new IOException("Unsupported geometry type " + type + " (Polygon or MultiPolygon expected)");
  }

  private static Polygon polygon(GeometryFactory factory, JsonNode rings, int[] counts) {
    LinearRing shell = ring(factory, rings.get(0), counts);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(factory, rings.get(i), counts);
    }
    return factory.createPolygon(shell, holes);
  }

  private static LinearRing ring(GeometryFactory factory, JsonNode points, int[] counts) {
    Coordinate[] cs = new Coordinate[points.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
    }
    counts[0] += cs.length;
    return factory.createLinearRing(cs);
  }

  private static List<List<int[]>> encode(Geometry g, int[] counts) {
    List<List<int[]>> polygons = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      if (p.isEmpty()) {
        continue;
      }
      List<int[]> rings = new ArrayList<>();
      int[] shell = ring(p.getExteriorRing().getCoordinates(), counts);
      if (shell == null) {
        continue;
      }
      rings.add(shell);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        int[] hole = ring(p.getInteriorRingN(h).getCoordinates(), counts);
        if (hole != null) {
          rings.add(hole);
        }
      }
      polygons.add(rings);
    }
    return polygons;
  }

  /** Rounded, deduplicated, delta-encoded; the closing point is implied. Null when it collapses. */
  private static int[] ring(Coordinate[] cs, int[] counts) {
    int[] out = new int[cs.length * 2];
    int n = 0;
    long px = Long.MIN_VALUE;
    long py = Long.MIN_VALUE;
    long lastX = 0;
    long lastY = 0;
    for (int i = 0; i < cs.length - 1; i++) {
      long x = Math.round(cs[i].x * SCALE);
      long y = Math.round(cs[i].y * SCALE);
      if (x == px && y == py) {
        continue;
      }
      out[n++] = (int) (x - lastX);
      out[n++] = (int) (y - lastY);
      lastX = x;
      lastY = y;
      px = x;
      py = y;
    }
    if (n < 6) {
      return null;
    }
    counts[1] += n / 2;
    return java.util.Arrays.copyOf(out, n);
  }

  public String level() {
    return level;
  }

  /** Area codes in the file's order. */
  public List<String> codes() {
    return codes;
  }

  public List<String> names() {
    return names;
  }

  /** The encoded shapes, gzipped. */
  public byte[] gzipped() {
    return gzipped;
  }

  public int rawBytes() {
    return rawBytes;
  }

  public int sourceVertices() {
    return sourceVertices;
  }

  public int vertices() {
    return vertices;
  }
}
