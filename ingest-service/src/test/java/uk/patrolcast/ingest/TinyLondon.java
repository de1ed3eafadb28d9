package uk.patrolcast.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import uk.patrolcast.ingest.reference.ExactFitLookup;
import uk.patrolcast.ingest.reference.GeoJsonFeatures;
import uk.patrolcast.ingest.reference.LsoaBoundaries;
import uk.patrolcast.ingest.reference.LsoaHarmoniser;
import uk.patrolcast.ingest.reference.LsoaUniverse;
import uk.patrolcast.ingest.source.PoliceSource;

/**
 * A hand-made miniature of London for tests without the shared data: five LSOA 2021 squares, a 2011
 * code split in two (E01000010 → E01033001 west, E01033002 east), two 2011 codes merged into one
 * (E01000020 + E01000021 → E01033010), and codes of England and Wales outside London.
 */
public final class TinyLondon {
  public static final String HEADER =
      "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
  public static final String MET = "Metropolitan Police Service";

  private TinyLondon() {}

  public static LsoaUniverse universe() {
    Map<String, LsoaUniverse.Area> a = new LinkedHashMap<>();
    a.put("E01000001", new LsoaUniverse.Area("E01000001", "City of London 001A", "E05000001", "Ward A", "E09000001", "City", 0.13, 1500));
    a.put("E01000002", new LsoaUniverse.Area("E01000002", "City of London 001B", "E05000001", "Ward A", "E09000001", "City", 0.2, 1400));
    a.put("E01033001", new LsoaUniverse.Area("E01033001", "Split West", "E05000002", "Ward B", "E09000002", "Borough", 0.5, 1200));
    a.put("E01033002", new LsoaUniverse.Area("E01033002", "Split East", "E05000002", "Ward B", "E09000002", "Borough", 0.5, 1800));
    a.put("E01033010", new LsoaUniverse.Area("E01033010", "Merged", "E05000003", "Ward C", "E09000002", "Borough", 0.9, 3000));
    return new LsoaUniverse(a);
  }

  public static ExactFitLookup lookup() {
    return ExactFitLookup.of(List.of(
        new ExactFitLookup.Link("E01000001", "E01000001", 'U'),
        new ExactFitLookup.Link("E01000002", "E01000002", 'U'),
        new ExactFitLookup.Link("E01000010", "E01033001", 'S'),
        new ExactFitLookup.Link("E01000010", "E01033002", 'S'),
        new ExactFitLookup.Link("E01000020", "E01033010", 'M'),
        new ExactFitLookup.Link("E01000021", "E01033010", 'M'),
        new ExactFitLookup.Link("E01099999", "E01099999", 'U'),
        new ExactFitLookup.Link("W01000001", "W01000001", 'U')));
  }

  public static LsoaBoundaries boundaries() {
    Map<String, Geometry> p = new LinkedHashMap<>();
    p.put("E01000001", square(-0.12, 51.50));
    p.put("E01000002", square(-0.12, 51.49));
    p.put("E01033001", square(-0.10, 51.50));
    p.put("E01033002", square(-0.09, 51.50));
    p.put("E01033010", square(-0.12, 51.52));
    return new LsoaBoundaries(p);
  }

  public static LsoaHarmoniser harmoniser() {
    return new LsoaHarmoniser(universe(), lookup(), boundaries());
  }

  /** A 0.01° square with its south-west corner at (lon, lat). */
  static Geometry square(double lon, double lat) {
    double d = 0.01;
    return GeoJsonFeatures.GEOMETRY.createPolygon(new Coordinate[] {
      new Coordinate(lon, lat), new Coordinate(lon + d, lat), new Coordinate(lon + d, lat + d), new Coordinate(lon, lat + d),
      new Coordinate(lon, lat)});
  }

  /** A Met burglary row of 2022-05 in E01000001 with the given Crime ID. */
  public static String row(String crimeId) {
    return row(crimeId, "2022-05", "-0.115000", "51.505000", "E01000001");
  }

  public static String row(String crimeId, String month, String lon, String lat, String lsoa) {
    return String.join(",", crimeId, month, MET, MET, lon, lat, "On or near Test Street", lsoa, "Some LSOA", "Burglary",
        "Under investigation", "");
  }

  public static String file(String... rows) {
    return HEADER + "\n" + String.join("\n", rows) + "\n";
  }

  public static PoliceSource source(String name, byte[] content) {
    return new PoliceSource("metropolitan", YearMonth.of(2022, 5), name, () -> new ByteArrayInputStream(content));
  }

  public static PoliceSource source(String name, String content) {
    return source(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Concatenates text and raw bytes into one file content. */
  public static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof byte[] raw ? raw : p.toString().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(b);
    }
    return out.toByteArray();
  }
}
