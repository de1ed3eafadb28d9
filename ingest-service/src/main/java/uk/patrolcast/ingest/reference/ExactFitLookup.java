package uk.patrolcast.ingest.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * The ONS LSOA 2011 → LSOA 2021 exact-fit lookup for England and Wales, with its change indicator
 * (U unchanged, S split, M merged, X irregular). It also tells which codes exist at all, so that a
 * code outside London can be told from a code that is no LSOA.
 */
public final class ExactFitLookup {
  /** One LSOA 2011 → LSOA 2021 pair. */
  public record Link(String lsoa11, String lsoa21, char change) {}

  private final Map<String, List<Link>> by2011;
  private final Map<String, List<Link>> by2021;
  private final Set<String> all2021;

  private ExactFitLookup(Map<String, List<Link>> by2011, Map<String, List<Link>> by2021, Set<String> all2021) {
    this.by2011 = by2011;
    this.by2021 = by2021;
    this.all2021 = all2021;
  }

  public static ExactFitLookup read(Path file) {
    CsvTable t = CsvTable.read(file);
    List<Link> links = new ArrayList<>();
    for (CSVRecord r : t.rows()) {
      String change = t.get(r, "CHGIND");
      if (change.length() != 1 || "USMX".indexOf(change.charAt(0)) < 0) {
        throw new IllegalArgumentException(file + " line " + r.getRecordNumber() + ": unknown CHGIND '" + change + "'");
      }
      links.add(new Link(t.get(r, "LSOA11CD"), t.get(r, "LSOA21CD"), change.charAt(0)));
    }
    return of(links);
  }

  public static ExactFitLookup of(List<Link> links) {
    Map<String, List<Link>> by2011 = new HashMap<>();
    Map<String, List<Link>> by2021 = new HashMap<>();
    Set<String> all2021 = new HashSet<>();
    for (Link l : links) {
      by2011.computeIfAbsent(l.lsoa11(), k -> new ArrayList<>()).add(l);
      by2021.computeIfAbsent(l.lsoa21(), k -> new ArrayList<>()).add(l);
      all2021.add(l.lsoa21());
    }
    return new ExactFitLookup(by2011, by2021, all2021);
  }

  /** The 2021 children of a 2011 code (empty when it is no 2011 code). */
  public List<Link> children(String lsoa11) {
    return by2011.getOrDefault(lsoa11, List.of());
  }

  /** The 2011 parents of a 2021 code (empty when it is no 2021 code). */
  public List<Link> parents(String lsoa21) {
    return by2021.getOrDefault(lsoa21, List.of());
  }

  public boolean isLsoa11(String code) {
    return by2011.containsKey(code);
  }

  public boolean isLsoa21(String code) {
    return all2021.contains(code);
  }
}
