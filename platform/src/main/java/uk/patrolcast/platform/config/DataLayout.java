package uk.patrolcast.platform.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each input lives in a data directory laid out like {@code shared/data}. Every path can be
 * overridden by name (e.g. {@code boundaries.lsoa21=/elsewhere/lsoa.geojson.gz}).
 */
public final class DataLayout {
  /** Input name → path relative to the data directory. */
  public static final Map<String, String> DEFAULTS;

  static {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("police", "police-uk");
    d.put("lsoa-universe", "lookups/london_lsoa21_ward24_area_km2.csv");
    d.put("lsoa11-lsoa21", "lookups/LSOA11_to_LSOA21_to_LAD22_Exact_Fit_Lookup_EW_V3.csv.gz");
    d.put("lsoa21-ward24", "lookups/LSOA21_to_WD24_to_LAD24_Best_Fit_Lookup_EW.csv.gz");
    d.put("lsoa21-centroids", "lookups/LSOA21_Dec2021_population_weighted_centroids_EW.csv.gz");
    d.put("boundaries.lsoa21", "boundaries/geojson_wgs84/london_lsoa2021_ons_gen20.geojson.gz");
    d.put("boundaries.ward24", "boundaries/geojson_wgs84/london_wards2024.geojson.gz");
    d.put("boundaries.borough", "boundaries/geojson_wgs84/london_boroughs.geojson.gz");
    d.put("iod2019", "iod2019/iod2019_london_lsoa11.csv");
    d.put("census2021", "census2021/london_lsoa21_census2021_features.csv");
    d.put("census-residents", "census2021/london_lsoa11_lsoa21_census_total_residents_2011_2021.csv");
    d.put("population", "population/ons_sape_lsoa21_population_density_mid2011_mid2022_london.csv");
    DEFAULTS = Map.copyOf(d);
  }

  private final Path root;
  private final Map<String, Path> overrides;

  public DataLayout(Path root) {
    this(root, Map.of());
  }

  public DataLayout(Path root, Map<String, Path> overrides) {
    for (String name : overrides.keySet()) {
      if (!DEFAULTS.containsKey(name)) {
        throw new IllegalArgumentException("Unknown data input '" + name + "'; known inputs: " + DEFAULTS.keySet());
      }
    }
    this.root = root;
    this.overrides = Map.copyOf(overrides);
  }

  public Path root() {
    return root;
  }

  /** Path of a named input. */
  public Path path(String name) {
    Path override = overrides.get(name);
    if (override != null) {
      return override;
    }
    String relative = DEFAULTS.get(name);
    if (relative == null) {
      throw new IllegalArgumentException("Unknown data input '" + name + "'; known inputs: " + DEFAULTS.keySet());
    }
    return root.resolve(relative);
  }

  public Path police() {
    return path("police");
  }

  public Path lsoaUniverse() {
    return path("lsoa-universe");
  }

  public Path lsoa11ToLsoa21() {
    return path("lsoa11-lsoa21");
  }

  public Path lsoa21Boundaries() {
    return path("boundaries.lsoa21");
  }

  /** Fails with the list of what is missing, so a wrong {@code --data} is caught at once. */
  public DataLayout requireInputs(String... names) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("Data directory " + root.toAbsolutePath() + " does not exist or is not a directory");
    }
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!Files.exists(path(name))) {
        missing.add(name + " (" + path(name) + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Data directory " + root.toAbsolutePath() + " lacks: " + String.join(", ", missing));
    }
    return this;
  }
}
