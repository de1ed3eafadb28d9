package uk.patrolcast.ingest.reference;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    Known k = known.get(code);
    if (k == null) {
      k = byCode(code);
      if (k.outcome() == null || k.outcome().reason() != RejectionReason.UNKNOWN_LSOA) {
        // Only codes of the lookup are kept, so the cache cannot grow with whatever a file holds.
        known.putIfAbsent(code, k);
      }
    }
    return k.outcome() != null ? k.outcome() : bySplit(k.splitChildren(), lon, lat);
  }

  /**
   * What a code gives before looking at the point: the outcome itself, or, for a split or irregular
   * code, its London children (sorted) to choose among by the point.
   */
  private record Known(Outcome outcome, List<String> splitChildren) {}

  /** Every code met so far (the same code recurs on thousands of rows): the lookup is done once per code. */
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  private Known byCode(String code) {
    if (universe.contains(code)) {
      return new Known(Outcome.of(code, LsoaResolution.LSOA21), null);
    }
    List<ExactFitLookup.Link> children = lookup.children(code).stream().filter(l -> universe.contains(l.lsoa21())).toList();
    if (!children.isEmpty()) {
      char change = children.get(0).change();
      if (children.size() == 1 && (change == 'U' || change == 'M')) {
        return new Known(
            Outcome.of(children.get(0).lsoa21(), change == 'U' ? LsoaResolution.UNCHANGED_2011 : LsoaResolution.MERGED_2011), null);
      }
      return new Known(null, children.stream().map(ExactFitLookup.Link::lsoa21).sorted().toList());
    }
    if (lookup.isLsoa11(code) || lookup.isLsoa21(code)) {
      return new Known(
          Outcome.refused(RejectionReason.LSOA_OUTSIDE_LONDON, "LSOA code " + code + " is not a London LSOA (2011 or 2021)"), null);
    }
    return new Known(
        Outcome.refused(RejectionReason.UNKNOWN_LSOA, "'" + code + "' is not an LSOA code of England and Wales (2011 or 2021)"), null);
  }

  /** @param codes the London children of a split or irregular code, sorted */
  private Outcome bySplit(List<String> codes, double lon, double lat) {
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
      return bySplit(codes, Double.NaN, Double.NaN);
    }
    return Outcome.of(nearest, LsoaResolution.SPLIT_NEAREST_POLYGON);
  }
}
