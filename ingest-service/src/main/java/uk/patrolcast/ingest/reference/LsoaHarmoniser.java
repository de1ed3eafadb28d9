package uk.patrolcast.ingest.reference;

import java.util.Comparator;
import java.util.List;
import uk.patrolcast.events.LsoaResolution;
import uk.patrolcast.events.RejectionReason;

/**
 * Turns the LSOA code a record carries into the London LSOA 2021 it counts in, by the data rules:
 * London 2021 codes as they are; London 2011 codes through the ONS exact-fit lookup (unchanged and
 * merged codes directly; split and irregular codes by the record's point: the child polygon that
 * contains it, else the nearest child polygon, else, without coordinates, the most populous child);
 * anything else refused as outside London or unknown.
 */
public final class LsoaHarmoniser {
  private final LsoaUniverse universe;
  private final ExactFitLookup lookup;
  private final LsoaBoundaries boundaries;

  /** The outcome: a London LSOA 2021 and how it was found, or the reason the code is refused. */
  public record Outcome(String lsoa21, LsoaResolution resolution, RejectionReason reason, String message) {
    public boolean accepted() {
      return lsoa21 != null;
    }

    static Outcome of(String lsoa21, LsoaResolution how) {
      return new Outcome(lsoa21, how, null, null);
    }

    static Outcome refused(RejectionReason reason, String message) {
      return new Outcome(null, null, reason, message);
    }
  }

  public LsoaHarmoniser(LsoaUniverse universe, ExactFitLookup lookup, LsoaBoundaries boundaries) {
    this.universe = universe;
    this.lookup = lookup;
    this.boundaries = boundaries;
  }

  public LsoaUniverse universe() {
    return universe;
  }

  public LsoaBoundaries boundaries() {
    return boundaries;
  }

  /**
   * @param code the LSOA code as published (not empty)
   * @param lon longitude, or NaN when the record has no point
   * @param lat latitude, or NaN when the record has no point
   */
  public Outcome resolve(String code, double lon, double lat) {
    if (universe.contains(code)) {
      return Outcome.of(code, LsoaResolution.LSOA21);
    }
    List<ExactFitLookup.Link> children = lookup.children(code).stream().filter(l -> universe.contains(l.lsoa21())).toList();
    if (!children.isEmpty()) {
      char change = children.get(0).change();
      if (children.size() == 1 && (change == 'U' || change == 'M')) {
        return Outcome.of(children.get(0).lsoa21(), change == 'U' ? LsoaResolution.UNCHANGED_2011 : LsoaResolution.MERGED_2011);
      }
      return bySplit(children, lon, lat);
    }
    if (lookup.isLsoa11(code) || lookup.isLsoa21(code)) {
      return Outcome.refused(RejectionReason.LSOA_OUTSIDE_LONDON, "LSOA code " + code + " is not a London LSOA (2011 or 2021)");
    }
    return Outcome.refused(RejectionReason.UNKNOWN_LSOA, "'" + code + "' is not an LSOA code of England and Wales (2011 or 2021)");
  }

  private Outcome bySplit(List<ExactFitLookup.Link> children, double lon, double lat) {
    List<String> codes = children.stream().map(ExactFitLookup.Link::lsoa21).sorted().toList();
    if (Double.isNaN(lon) || Double.isNaN(lat)) {
      String most = codes.stream()
          .max(Comparator.comparingInt((String c) -> universe.area(c).population()).thenComparing(Comparator.reverseOrder()))
          .orElseThrow();
      return Outcome.of(most, LsoaResolution.SPLIT_LARGEST_POPULATION);
    }
    for (String c : codes) {
      if (boundaries.covers(c, lon, lat)) {
        return Outcome.of(c, LsoaResolution.SPLIT_POINT_IN_POLYGON);
      }
    }
    String nearest = null;
    double best = Double.POSITIVE_INFINITY;
    for (String c : codes) {
      double d = boundaries.distanceMetres(c, lon, lat);
      if (d < best) {
        best = d;
        nearest = c;
      }
    }
    if (nearest == null) {
      // No child polygon at all (a boundary file without them): fall back on population.
      return bySplit(children, Double.NaN, Double.NaN);
    }
    return Outcome.of(nearest, LsoaResolution.SPLIT_NEAREST_POLYGON);
  }
}
