package uk.patrolcast.ingest.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import uk.patrolcast.events.IodScores;

/**
 * IoD 2019 domain scores, published for 2011 LSOAs, carried to 2021 LSOAs through the exact-fit
 * lookup: an unchanged (U) or split (S) child takes its one parent's scores; a merged (M) or
 * irregular (X) child takes the mean of its parents' scores weighted by their mid-2015 population
 * (the IoD's own denominators; X parents count with their whole population, for want of overlap
 * shares). Scores are rates and averages, so a population-weighted mean is the score of the union.
 */
public final class IodScoresByLsoa21 {
  static final String CODE = "LSOA code (2011)";
  static final String POPULATION = "Total population: mid 2015 (excluding prisoners)";
  static final String[] SCORES = {
    "Index of Multiple Deprivation (IMD) Score",
    "Income Score (rate)",
    "Employment Score (rate)",
    "Education, Skills and Training Score",
    "Health Deprivation and Disability Score",
    "Crime Score",
    "Barriers to Housing and Services Score",
    "Living Environment Score",
    "Income Deprivation Affecting Children Index (IDACI) Score (rate)",
    "Income Deprivation Affecting Older People (IDAOPI) Score (rate)",
  };

  /** Scores of one 2011 LSOA in the order of {@link #SCORES}, and its population. */
  record Parent(double[] scores, double population) {}

  private final Map<String, Parent> by2011;
  private final ExactFitLookup lookup;

  IodScoresByLsoa21(Map<String, Parent> by2011, ExactFitLookup lookup) {
    this.by2011 = by2011;
    this.lookup = lookup;
  }

  public static IodScoresByLsoa21 read(Path file, ExactFitLookup lookup) {
    CsvTable t = CsvTable.read(file);
    Map<String, Parent> by2011 = new HashMap<>();
    for (CSVRecord r : t.rows()) {
      double[] scores = new double[SCORES.length];
      for (int i = 0; i < SCORES.length; i++) {
        scores[i] = t.number(r, SCORES[i]);
      }
      by2011.put(t.get(r, CODE), new Parent(scores, t.number(r, POPULATION)));
    }
    return new IodScoresByLsoa21(by2011, lookup);
  }

  /** The carried scores of a 2021 LSOA; a clear error when none of its parents has scores. */
  public IodScores scores(String lsoa21) {
    List<Parent> parents = lookup.parents(lsoa21).stream().map(l -> by2011.get(l.lsoa11())).filter(p -> p != null).toList();
    if (parents.isEmpty()) {
      throw new IllegalStateException("No IoD 2019 scores for LSOA 2021 " + lsoa21 + ": none of its 2011 parents "
          + lookup.parents(lsoa21).stream().map(ExactFitLookup.Link::lsoa11).toList() + " is in the IoD file");
    }
    double total = parents.stream().mapToDouble(Parent::population).sum();
    double[] s = new double[SCORES.length];
    for (Parent p : parents) {
      double w = total > 0 ? p.population() / total : 1.0 / parents.size();
      for (int i = 0; i < s.length; i++) {
        s[i] += w * p.scores()[i];
      }
    }
    return new IodScores(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]);
  }
}
