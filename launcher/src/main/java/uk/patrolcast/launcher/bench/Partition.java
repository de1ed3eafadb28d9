package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.patrolcast.launcher.bench.AreaUnit.Level;

/**
 * Cuts the map into areas: a guillotine layout of the area hierarchy. A unit's rectangle is cut in
 * two, again and again, between groups of its children with balanced LSOA counts; each cut is
 * placed where it leaves each side the residents its LSOA count calls for, so LSOAs are small where
 * people live densely and large in the country, as real ones are. Cuts stay between 30% and 70% of
 * a side and take whichever direction keeps the pieces squarer, which bounds every piece's aspect
 * ratio (about 3.3) and keeps the boundary shapes valid.
 */
final class Partition {
  static final double MIN_SHARE = 0.3;

  private final PopulationSurface surface;
  /** LSOA leaves in layout order. */
  final List<AreaUnit> leaves = new ArrayList<>();
  /** Pairs of LSOAs of one ward that are the two halves of one rectangle (candidates for 2011 splits and changes). */
  final List<AreaUnit[]> siblingPairs = new ArrayList<>();

  private Partition(PopulationSurface surface) {
    this.surface = surface;
  }

  static Partition layout(AreaUnit universe, Rect box, PopulationSurface surface) {
    Partition p = new Partition(surface);
    p.place(universe, box);
    return p;
  }

  private void place(AreaUnit unit, Rect r) {
    unit.rect = r;
    if (unit.level == Level.LSOA) {
      leaves.add(unit);
      return;
    }
    cut(unit.layoutChildren, r);
  }

  private void cut(List<AreaUnit> items, Rect r) {
    if (items.size() == 1) {
      place(items.get(0), r);
      return;
    }
    Choice best = null;
    for (boolean alongX : new boolean[] {r.width() >= r.height(), r.width() < r.height()}) {
      Choice c = choose(items, r, alongX);
      if (best == null || c.badness < best.badness - 1e-9) {
        best = c;
      }
    }
    if (items.size() == 2 && items.get(0).level == Level.LSOA && items.get(1).level == Level.LSOA
        && items.get(0).parent == items.get(1).parent) {
      siblingPairs.add(new AreaUnit[] {best.low.get(0), best.high.get(0)});
    }
    cut(best.low, best.halves[0]);
    cut(best.high, best.halves[1]);
  }

  private record Choice(List<AreaUnit> low, List<AreaUnit> high, Rect[] halves, double badness) {}

  private Choice choose(List<AreaUnit> items, Rect r, boolean alongX) {
    List<AreaUnit> ordered = new ArrayList<>(items);
    if (items.stream().allMatch(u -> !Double.isNaN(u.prefX))) {
      ordered.sort(Comparator.comparingDouble(u -> alongX ? u.prefX : u.prefY));
    }
    int total = ordered.stream().mapToInt(u -> u.count).sum();
    int k = 1;
    int left = ordered.get(0).count;
    int bestGap = Math.abs(2 * left - total);
    int running = left;
    for (int i = 1; i < ordered.size() - 1; i++) {
      running += ordered.get(i).count;
      int gap = Math.abs(2 * running - total);
      if (gap < bestGap) {
        bestGap = gap;
        k = i + 1;
        left = running;
      }
    }
    double share = (double) left / total;
    double start = r.start(alongX);
    double length = r.length(alongX);
    double g = (surface.cut(r, alongX, share) - start) / length;
    g = Math.max(MIN_SHARE, Math.min(1 - MIN_SHARE, g));
    Rect[] halves = r.split(alongX, start + g * length);
    double badness = Math.max(halves[0].aspect(), halves[1].aspect());
    return new Choice(ordered.subList(0, k), ordered.subList(k, ordered.size()), halves, badness);
  }
}
