package uk.patrolcast.ingest.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import uk.patrolcast.events.CensusShares;

/**
 * Census 2021 shares per London LSOA 2021 from the pivoted counts: each share is over the total of its
 * own category set (tenure, accommodation type, occupancy, NS-SeC); the "Does not apply" columns are
 * left out of every total.
 */
public final class CensusSharesByLsoa21 {
  static final String[] TENURE = {
    "Owned: Owns outright", "Owned: Owns with a mortgage or loan or shared ownership", "Rented: Social rented",
    "Private rented or lives rent free"};
  static final String[] ACCOMMODATION = {
    "A caravan or other mobile or temporary structure", "Flat, maisonette or apartment", "Whole house or bungalow: Detached",
    "Whole house or bungalow: Semi-detached", "Whole house or bungalow: Terraced"};
  static final String[] OCCUPANCY = {
    "Up to and including 0.5 people per room", "Over 0.5 and up to 1.0 people per room", "Over 1.0 and up to 1.5 people per room",
    "Over 1.5 people per room"};
  static final String[] NSSEC = {
    "L1, L2 and L3: Higher managerial, administrative and professional occupations",
    "L4, L5 and L6: Lower managerial, administrative and professional occupations",
    "L7: Intermediate occupations", "L8 and L9: Small employers and own account workers",
    "L10 and L11: Lower supervisory and technical occupations", "L12: Semi-routine occupations", "L13: Routine occupations",
    "L14.1 and L14.2: Never worked and long-term unemployed", "L15: Full-time students"};

  private final Map<String, CensusShares> shares;

  private CensusSharesByLsoa21(Map<String, CensusShares> shares) {
    this.shares = shares;
  }

  public static CensusSharesByLsoa21 read(Path file) {
    CsvTable t = CsvTable.read(file);
    Map<String, CensusShares> shares = new HashMap<>();
    for (CSVRecord r : t.rows()) {
      double tenure = sum(t, r, TENURE);
      double accommodation = sum(t, r, ACCOMMODATION);
      double occupancy = sum(t, r, OCCUPANCY);
      double nssec = sum(t, r, NSSEC);
      shares.put(t.get(r, "LSOA code"), new CensusShares(
          share(t.number(r, TENURE[0]) + t.number(r, TENURE[1]), tenure),
          share(t.number(r, TENURE[2]), tenure),
          share(t.number(r, TENURE[3]), tenure),
          share(t.number(r, ACCOMMODATION[1]), accommodation),
          share(t.number(r, ACCOMMODATION[2]), accommodation),
          share(t.number(r, ACCOMMODATION[3]), accommodation),
          share(t.number(r, ACCOMMODATION[4]), accommodation),
          share(t.number(r, OCCUPANCY[2]) + t.number(r, OCCUPANCY[3]), occupancy),
          share(t.number(r, NSSEC[0]), nssec),
          share(t.number(r, NSSEC[5]) + t.number(r, NSSEC[6]), nssec),
          share(t.number(r, NSSEC[7]), nssec),
          share(t.number(r, NSSEC[8]), nssec)));
    }
    return new CensusSharesByLsoa21(shares);
  }

  /** Shares of a 2021 LSOA; a clear error when the file lacks it. */
  public CensusShares shares(String lsoa21) {
    CensusShares s = shares.get(lsoa21);
    if (s == null) {
      throw new IllegalStateException("No Census 2021 counts for LSOA 2021 " + lsoa21);
    }
    return s;
  }

  private static double sum(CsvTable t, CSVRecord r, String[] columns) {
    double s = 0;
    for (String c : columns) {
      s += t.number(r, c);
    }
    return s;
  }

  private static double share(double part, double total) {
    return total > 0 ? part / total : 0.0;
  }
}
