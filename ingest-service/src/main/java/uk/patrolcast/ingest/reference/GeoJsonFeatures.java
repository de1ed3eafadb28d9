package uk.patrolcast.ingest.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The features of a GeoJSON FeatureCollection (plain or gzip) as JTS geometries in longitude/latitude
 * with their string properties. Only Polygon and MultiPolygon geometries occur in our boundary files.
 */
public final class GeoJsonFeatures {
  public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One feature: its properties and its geometry. */
  public record Feature(JsonNode properties, Geometry geometry) {
    public String property(String name) {
      JsonNode v = properties.get(name);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  private GeoJsonFeatures() {}

  public static List<Feature> read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      return parse(JSON.readTree(in), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read GeoJSON " + file + ": " + e.getMessage(), e);
    }
  }

  static List<Feature> parse(JsonNode root, String what) {
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw new IllegalArgumentException(what + " is not a GeoJSON FeatureCollection");
    }
    List<Feature> out = new ArrayList<>();
    for (JsonNode f : features) {
      out.add(new Feature(f.path("properties"), geometry(f.get("geometry"), what)));
    }
    return out;
  }

  public static Geometry geometry(JsonNode g, String what) {
    if (g == null || g.isNull()) {
      throw new IllegalArgumentException(what + ": a feature has no geometry");
    }
    String type = g.path("type").asText();
    JsonNode c = g.get("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(c);
      case "MultiPolygon" -> {
        Polygon[] parts = new Polygon[c.size()];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = polygon(c.get(i));
        }
        yield GEOMETRY.createMultiPolygon(parts);
      }
      default -> throw new IllegalArgumentException(what + ": unsupported geometry type '" + type + "'");
    };
  }

  private static Polygon polygon(JsonNode rings) {
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return GEOMETRY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode points) {
    Coordinate[] cs = new Coordinate[points.size()];
    for (int i = 0; i < cs.length; i++) {
      JsonNode p = points.get(i);
      cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
    return GEOMETRY.createLinearRing(cs);
  }
}
