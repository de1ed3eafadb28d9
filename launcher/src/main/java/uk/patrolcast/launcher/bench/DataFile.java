package uk.patrolcast.launcher.bench;

/**
 * The files of a data directory besides the police records, at the paths {@code shared/data} has
 * them (and {@code DataLayout} reads them from), with their real header line, byte-order mark and
 * line ending. GeoJSON files have no header line.
 */
enum DataFile {
  UNIVERSE("lookups/london_lsoa21_ward24_area_km2.csv", Headers.UNIVERSE, false),
  EXACT_FIT("lookups/LSOA11_to_LSOA21_to_LAD22_Exact_Fit_Lookup_EW_V3.csv.gz", Headers.EXACT_FIT, true),
  WARD24_LOOKUP("lookups/LSOA21_to_WD24_to_LAD24_Best_Fit_Lookup_EW.csv.gz", Headers.WARD24_LOOKUP, true),
  WARD22_LOOKUP("lookups/LSOA21_to_WD22_to_LAD22_Lookup_EW_v3.csv.gz", Headers.WARD22_LOOKUP, true),
  CENTROIDS("lookups/LSOA21_Dec2021_population_weighted_centroids_EW.csv.gz", Headers.CENTROIDS, true),
  IOD("iod2019/iod2019_london_lsoa11.csv", Headers.IOD, false),
  IOD_SUBDOMAINS("iod2019/iod2019_london_lsoa11_subdomains.csv", Headers.IOD_SUBDOMAINS, false),
  CENSUS_FEATURES("census2021/london_lsoa21_census2021_features.csv", Headers.CENSUS_FEATURES, false),
  CENSUS_RESIDENTS("census2021/london_lsoa11_lsoa21_census_total_residents_2011_2021.csv", Headers.CENSUS_RESIDENTS, false),
  POPULATION_DENSITY("population/ons_sape_lsoa21_population_density_mid2011_mid2022_london.csv", Headers.POPULATION_DENSITY, false),
  POPULATION_MID_2019("population/london-mid2019-pop.csv", Headers.MID_YEAR_POPULATION, false),
  POPULATION_MID_2020("population/london-mid2020-pop.csv", Headers.MID_YEAR_POPULATION, false),
  LSOA_BOUNDARIES("boundaries/geojson_wgs84/london_lsoa2021_ons_gen20.geojson.gz", null, false),
  WARD_BOUNDARIES("boundaries/geojson_wgs84/london_wards2024.geojson.gz", null, false),
  BOROUGH_BOUNDARIES("boundaries/geojson_wgs84/london_boroughs.geojson.gz", null, false),
  /** Our own index of the police files, written as Python's csv module writes (CRLF), like the shared one. */
  MANIFEST("police-uk/MANIFEST.csv", Headers.MANIFEST, false, "\r\n");

  final String path;
  final String header;
  final boolean bom;
  final String lineEnd;

  DataFile(String path, String header, boolean bom) {
    this(path, header, bom, "\n");
  }

  DataFile(String path, String header, boolean bom, String lineEnd) {
    this.path = path;
    this.header = header;
    this.bom = bom;
    this.lineEnd = lineEnd;
  }

  boolean gzipped() {
    return path.endsWith(".gz");
  }
}
