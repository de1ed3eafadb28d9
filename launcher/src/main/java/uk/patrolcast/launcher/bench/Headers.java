package uk.patrolcast.launcher.bench;

/**
 * The header lines of the real files in {@code shared/data}, copied byte for byte (only the
 * headers: none of their data), so that generated files read exactly like them. Whether a file
 * starts with a UTF-8 byte-order mark is part of its {@link DataFile}.
 */
final class Headers {
  private Headers() {}

  /** lookups/london_lsoa21_ward24_area_km2.csv. */
  static final String UNIVERSE = "LSOA21CD,LSOA21NM,WD24CD,WD24NM,LAD24CD,LAD24NM,area_km2,pop_mid2021";

  /** lookups/LSOA11_to_LSOA21_to_LAD22_Exact_Fit_Lookup_EW_V3.csv.gz (with a UTF-8 byte-order mark). */
  static final String EXACT_FIT = "LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND,LAD22CD,LAD22NM,LAD22NMW,ObjectId";

  /** lookups/LSOA21_to_WD24_to_LAD24_Best_Fit_Lookup_EW.csv.gz (with a UTF-8 byte-order mark). */
  static final String WARD24_LOOKUP = "LSOA21CD,LSOA21NM,LSOA21NMW,WD24CD,WD24NM,WD24NMW,LAD24CD,LAD24NM,LAD24NMW,ObjectId";

  /** lookups/LSOA21_to_WD22_to_LAD22_Lookup_EW_v3.csv.gz (with a UTF-8 byte-order mark). */
  static final String WARD22_LOOKUP = "LSOA21CD,LSOA21NM,LSOA21NMW,WD22CD,WD22NM,WD22NMW,LAD22CD,LAD22NM,LAD22NMW,ObjectId";

  /** lookups/LSOA21_Dec2021_population_weighted_centroids_EW.csv.gz (with a UTF-8 byte-order mark). */
  static final String CENTROIDS = "FID,LSOA21CD,GlobalID,x,y";

  /** iod2019/iod2019_london_lsoa11.csv. */
  static final String IOD = "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
      + "Local Authority District name (2019),Index of Multiple Deprivation (IMD) Score,"
      + "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),"
      + "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs),"
      + "Income Score (rate),Income Rank (where 1 is most deprived),"
      + "Income Decile (where 1 is most deprived 10% of LSOAs),Employment Score (rate),"
      + "Employment Rank (where 1 is most deprived),"
      + "Employment Decile (where 1 is most deprived 10% of LSOAs),\"Education, Skills and Training Score\","
      + "\"Education, Skills and Training Rank (where 1 is most deprived)\",\"Education,"
      + " Skills and Training Decile (where 1 is most deprived 10% of LSOAs)\","
      + "Health Deprivation and Disability Score,"
      + "Health Deprivation and Disability Rank (where 1 is most deprived),"
      + "Health Deprivation and Disability Decile (where 1 is most deprived 10% of LSOAs),Crime Score,"
      + "Crime Rank (where 1 is most deprived),Crime Decile (where 1 is most deprived 10% of LSOAs),"
      + "Barriers to Housing and Services Score,"
      + "Barriers to Housing and Services Rank (where 1 is most deprived),"
      + "Barriers to Housing and Services Decile (where 1 is most deprived 10% of LSOAs),"
      + "Living Environment Score,Living Environment Rank (where 1 is most deprived),"
      + "Living Environment Decile (where 1 is most deprived 10% of LSOAs),"
      + "Income Deprivation Affecting Children Index (IDACI) Score (rate),"
      + "Income Deprivation Affecting Children Index (IDACI) Rank (where 1 is most deprived),"
      + "Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs),"
      + "Income Deprivation Affecting Older People (IDAOPI) Score (rate),"
      + "Income Deprivation Affecting Older People (IDAOPI) Rank (where 1 is most deprived),"
      + "Income Deprivation Affecting Older People (IDAOPI) Decile (where 1 is most deprived 10% of LSOAs),"
      + "Total population: mid 2015 (excluding prisoners),"
      + "Dependent Children aged 0-15: mid 2015 (excluding prisoners),"
      + "Population aged 16-59: mid 2015 (excluding prisoners),"
      + "Older population aged 60 and over: mid 2015 (excluding prisoners),"
      + "Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)";

  /** iod2019/iod2019_london_lsoa11_subdomains.csv. */
  static final String IOD_SUBDOMAINS = "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
      + "Local Authority District name (2019),Children and Young People Sub-domain Score,"
      + "Children and Young People Sub-domain Rank (where 1 is most deprived),"
      + "Children and Young People Sub-domain Decile (where 1 is most deprived 10% of LSOAs),"
      + "Adult Skills Sub-domain Score,Adult Skills Sub-domain Rank (where 1 is most deprived),"
      + "Adult Skills Sub-domain Decile (where 1 is most deprived 10% of LSOAs),"
      + "Geographical Barriers Sub-domain Score,"
      + "Geographical Barriers Sub-domain Rank (where 1 is most deprived),"
      + "Geographical Barriers Sub-domain Decile (where 1 is most deprived 10% of LSOAs),"
      + "Wider Barriers Sub-domain Score,Wider Barriers Sub-domain Rank (where 1 is most deprived),"
      + "Wider Barriers Sub-domain Decile (where 1 is most deprived 10% of LSOAs),Indoors Sub-domain Score,"
      + "Indoors Sub-domain Rank (where 1 is most deprived),"
      + "Indoors Sub-domain Decile (where 1 is most deprived 10% of LSOAs),Outdoors Sub-domain Score,"
      + "Outdoors Sub-domain Rank (where 1 is most deprived),"
      + "Outdoors Sub-domain Decile (where 1 is most deprived 10% of LSOAs)";

  /** census2021/london_lsoa21_census2021_features.csv. */
  static final String CENSUS_FEATURES = "LSOA code,\"Asian, Asian British or Asian Welsh: Bangladeshi\",\"Asian,"
      + " Asian British or Asian Welsh: Chinese\",\"Asian, Asian British or Asian Welsh: Indian\",\"Asian,"
      + " Asian British or Asian Welsh: Other Asian\",\"Asian, Asian British or Asian Welsh: Pakistani\","
      + "\"Black, Black British, Black Welsh, Caribbean or African: African\",\"Black, Black British,"
      + " Black Welsh, Caribbean or African: Caribbean\",\"Black, Black British, Black Welsh,"
      + " Caribbean or African: Other Black\",Does not apply_x,"
      + "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups,"
      + "Mixed or Multiple ethnic groups: White and Asian,"
      + "Mixed or Multiple ethnic groups: White and Black African,"
      + "Mixed or Multiple ethnic groups: White and Black Caribbean,"
      + "Other ethnic group: Any other ethnic group,Other ethnic group: Arab,\"White: English, Welsh,"
      + " Scottish, Northern Irish or British\",White: Gypsy or Irish Traveller,White: Irish,"
      + "White: Other White,White: Roma,A caravan or other mobile or temporary structure,\"Flat,"
      + " maisonette or apartment\",Whole house or bungalow: Detached,Whole house or bungalow: Semi-detached,"
      + "Whole house or bungalow: Terraced,Does not apply_y,Owned: Owns outright,"
      + "Owned: Owns with a mortgage or loan or shared ownership,Private rented or lives rent free,"
      + "Rented: Social rented,Does not apply_x,Over 0.5 and up to 1.0 people per room,"
      + "Over 1.0 and up to 1.5 people per room,Over 1.5 people per room,"
      + "Up to and including 0.5 people per room,\"A, B, D, E Agriculture, energy and water\","
      + "C Manufacturing,Does not apply_y,F Construction,\"G, I Distribution, hotels and restaurants\",\"H,"
      + " J Transport and communication\",\"K, L, M, N Financial, real estate,"
      + " professional and administrative activities\",\"O, P, Q Public administration,"
      + " education and health\",\"R, S, T, U Other\",Does not apply,\"L1, L2 and L3: Higher managerial,"
      + " administrative and professional occupations\","
      + "L10 and L11: Lower supervisory and technical occupations,L12: Semi-routine occupations,"
      + "L13: Routine occupations,L14.1 and L14.2: Never worked and long-term unemployed,"
      + "L15: Full-time students,\"L4, L5 and L6: Lower managerial,"
      + " administrative and professional occupations\",L7: Intermediate occupations,"
      + "L8 and L9: Small employers and own account workers";

  /** census2021/london_lsoa11_lsoa21_census_total_residents_2011_2021.csv. */
  static final String CENSUS_RESIDENTS = ",LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND,LAD22CD,LAD22NM,TotalRes11,TotalRes21,sqkm21,prop21,"
      + "TotalRes11_21c";

  /** population/ons_sape_lsoa21_population_density_mid2011_mid2022_london.csv. */
  static final String POPULATION_DENSITY = "LSOA 2021 Code,LSOA 2021 Name,Area Sq Km,Mid-2011: Population,Mid-2011: People per Sq Km,"
      + "Mid-2012: Population,Mid-2012: People per Sq Km,Mid-2013: Population,Mid-2013: People per Sq Km,"
      + "Mid-2014: Population,Mid-2014: People per Sq Km,Mid-2015: Population,Mid-2015: People per Sq Km,"
      + "Mid-2016: Population,Mid-2016: People per Sq Km,Mid-2017: Population,Mid-2017: People per Sq Km,"
      + "Mid-2018: Population,Mid-2018: People per Sq Km,Mid-2019: Population,Mid-2019: People per Sq Km,"
      + "Mid-2020: Population,Mid-2020: People per Sq Km,Mid-2021: Population,Mid-2021: People per Sq Km,"
      + "Mid-2022: Population,Mid-2022: People per Sq Km";

  /** population/london-mid2019-pop.csv. */
  static final String MID_YEAR_POPULATION = "LSOA11CD,LSOA11NM,MSOA11CD,MSOA11NM,LAD11CD,LAD11NM,Persons_All-Ages,Persons_0-15,Persons_16-29,"
      + "Persons_30-44,Persons_45-64,Persons_65+,Males_All-Ages,Males_0-15,Males_16-29,Males_30-44,"
      + "Males_45-64,Males_65+,Females_All-Ages,Females_0-15,Females_16-29,Females_30-44,Females_45-64,"
      + "Females_65+";

  /** police-uk/metropolitan-street-burglary/2023-01-metropolitan-street-burglary.csv.gz. */
  static final String POLICE = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
      + "Last outcome category,Context";

  /** police-uk/MANIFEST.csv. */
  static final String MANIFEST = "file,force,month,rows,rows_without_lsoa,rows_without_crime_id,gz_bytes,sha256_uncompressed";
}
