package uk.patrolcast.ingest.reference;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * The area universe: the 4,994 London LSOAs of 2021 with their 2024 ward and borough, area and
 * mid-2021 population ({@code lookups/london_lsoa21_ward24_area_km2.csv}).
 */
public final class LsoaUniverse {
  /** One London LSOA 2021. */
  public record Area(String code, String name, String wardCode, String wardName, String boroughCode, String boroughName,
      double areaKm2, int population) {}

  private final Map<String, Area> areas;

  public LsoaUniverse(Map<String, Area> areas) {
    this.areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
  }

  public static LsoaUniverse read(Path file) {
    CsvTable t = CsvTable.read(file);
    Map<String, Area> areas = new LinkedHashMap<>();
    for (CSVRecord r : t.rows()) {
      String code = t.get(r, "LSOA21CD");
      areas.put(code, new Area(code, t.get(r, "LSOA21NM"), t.get(r, "WD24CD"), t.get(r, "WD24NM"), t.get(r, "LAD24CD"),
          t.get(r, "LAD24NM"), t.number(r, "area_km2"), (int) Math.round(t.number(r, "pop_mid2021"))));
    }
    if (areas.isEmpty()) {
      throw new IllegalArgumentException(file + " lists no LSOA");
    }
    return new LsoaUniverse(areas);
  }

  public boolean contains(String lsoa21) {
    return areas.containsKey(lsoa21);
  }

  public Area area(String lsoa21) {
    return areas.get(lsoa21);
  }

  public Set<String> codes() {
    return areas.keySet();
  }

  public int size() {
    return areas.size();
  }
}
