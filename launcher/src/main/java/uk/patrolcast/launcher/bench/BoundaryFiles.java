package uk.patrolcast.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Boundaries as gzipped GeoJSON (WGS84, RFC 7946: shells counter-clockwise, holes clockwise,
 * six decimals), laid out as GDAL's ogr2ogr writes them, like the shared files: one feature per
 * line, with the shared files' property names. LSOAs tile the map; wards and boroughs are the
 * unions of their LSOAs, traced from the same edges, so all three layers line up exactly.
 */
final class BoundaryFiles {
  private BoundaryFiles() {}

  static void write(Universe u, Path root) {
    try (Writer w = new Writer(root, DataFile.LSOA_BOUNDARIES, "london-2021-lsoa-gen20")) {
      for (Lsoa l : u.lsoas) {
        Ward ward = l.ward;
        w.feature(List.of("LSOA21CD", l.code, "LSOA21NM", l.name, "MSOA21CD", ward.msoaCode, "MSOA21NM", ward.msoaName(),
            "LAD22CD", ward.lad.code, "LAD22NM", ward.lad.name), List.of(List.of(l.ring)));
      }
    }
    List<Ward> wards = new ArrayList<>(u.wards);
    wards.sort(Comparator.comparing(x -> x.code));
    try (Writer w = new Writer(root, DataFile.WARD_BOUNDARIES, "wards")) {
      for (Ward ward : wards) {
        double[] centre = centre(ward.lsoas);
        double[] en = BritishNationalGrid.fromWgs84(centre[0], centre[1]);
        w.feature(List.of("WD24CD", ward.code, "WD24NM", ward.name, "WD24NMW", ward.lad.welsh() ? ward.name : " ",
            "BNG_E", (double) Math.round(en[0]), "BNG_N", (double) Math.round(en[1]), "LONG", round(centre[0], 5),
            "LAT", round(centre[1], 5), "GlobalID", ward.globalId), ward.polygons);
      }
    }
    try (Writer w = new Writer(root, DataFile.BOROUGH_BOUNDARIES, "London_Borough_Excluding_MHW")) {
      for (Lad lad : u.lads) {
        List<Lsoa> lsoas = lad.lsoas();
        double area = lsoas.stream().mapToDouble(l -> l.areaKm2).sum();
        double urbanity = lsoas.stream().mapToDouble(l -> l.urbanity).average().orElse(0);
        List<Object> props = new ArrayList<>(List.of("NAME", lad.name, "GSS_CODE", lad.code, "HECTARES", round(area * 100, 3),
            "NONLD_AREA", 0.0, "ONS_INNER", urbanity > 1.0 ? "T" : "F"));
        props.add("SUB_2009");
        props.add(null);
        props.add("SUB_2006");
        props.add(null);
        w.feature(props, lad.polygons);
      }
    }
  }

  /** Population-weighted mean of the LSOAs' centroids. */
  private static double[] centre(List<Lsoa> lsoas) {
    double lon = 0;
    double lat = 0;
    double w = 0;
    for (Lsoa l : lsoas) {
      lon += l.population * l.centroidLon;
      lat += l.population * l.centroidLat;
      w += l.population;
    }
    return new double[] {lon / w, lat / w};
  }

  private static double round(double v, int decimals) {
    return Double.parseDouble(Numbers.fixed(v, decimals));
  }

  /** A streaming GeoJSON FeatureCollection writer. */
  private static final class Writer implements AutoCloseable {
    private final FileSink sink;
    private final StringBuilder b = new StringBuilder(1 << 16);
    private boolean first = true;

    Writer(Path root, DataFile file, String name) {
      sink = new FileSink(root.resolve(file.path), 6);
      b.append("{\n\"type\": \"FeatureCollection\",\n\"name\": \"").append(name).append("\",\n\"features\": [\n");
    }

    /** @param properties name, value, name, value, ... (strings, numbers or null) */
    void feature(List<?> properties, List<List<double[]>> polygons) {
      if (!first) {
        b.append(",\n");
      }
      first = false;
      b.append("{ \"type\": \"Feature\", \"properties\": { ");
      for (int i = 0; i < properties.size(); i += 2) {
        if (i > 0) {
          b.append(", ");
        }
        b.append('"').append(properties.get(i)).append("\": ");
        Object v = properties.get(i + 1);
        if (v == null) {
          b.append("null");
        } else if (v instanceof Double d) {
          b.append(Numbers.trimmed(d, 6));
        } else if (v instanceof Number) {
          b.append(v);
        } else {
          b.append('"').append(escape(v.toString())).append('"');
        }
      }
      b.append(" }, \"geometry\": { \"type\": \"").append(polygons.size() == 1 ? "Polygon" : "MultiPolygon").append("\", \"coordinates\": ");
      if (polygons.size() == 1) {
        polygon(polygons.get(0));
      } else {
        b.append("[ ");
        for (int p = 0; p < polygons.size(); p++) {
          if (p > 0) {
            b.append(", ");
          }
          polygon(polygons.get(p));
        }
        b.append(" ]");
      }
      b.append(" } }");
      flush(false);
    }

    private void polygon(List<double[]> rings) {
      b.append("[ ");
      for (int r = 0; r < rings.size(); r++) {
        if (r > 0) {
          b.append(", ");
        }
        double[] ring = rings.get(r);
        b.append("[ ");
        for (int i = 0; i <= ring.length; i += 2) {
          int k = i % ring.length; // closes the ring with its first point
          if (i > 0) {
            b.append(", ");
          }
          b.append("[ ");
          Numbers.appendMicros(b, ring[k], true);
          b.append(", ");
          Numbers.appendMicros(b, ring[k + 1], true);
          b.append(" ]");
        }
        b.append(" ]");
      }
      b.append(" ]");
    }

    private static String escape(String s) {
      return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void flush(boolean all) {
      if (all || b.length() > (1 << 15)) {
        sink.write(b.toString().getBytes(StandardCharsets.UTF_8));
        b.setLength(0);
      }
    }

    @Override
    public void close() {
      b.append("\n]\n}\n");
      flush(true);
      sink.close();
    }
  }
}
