package uk.patrolcast.console.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a candidate plan (a what-if) differs from a base plan (the current one) on the months both
 * cover: per LSOA, per ward and per borough, and in total.
 *
 * @param months months both plans cover
 * @param baseTotals base hours per compared month
 * @param candidateTotals candidate hours per compared month
 * @param lsoaDelta candidate minus base hours per LSOA, summed over the compared months ({@link AreaIndex} order)
 * @param lsoaMonthsChanged LSOA-months whose hours differ
 * @param hoursAdded sum of the increases over LSOA-months
 * @param hoursRemoved sum of the decreases over LSOA-months
 * @param maxChange largest absolute change of one LSOA-month
 * @param wards ward changes, largest absolute change first
 * @param boroughs borough code to change in hours
 */
public record PlanDiff(
    List<String> months,
    double[] baseTotals,
    double[] candidateTotals,
    float[] lsoaDelta,
    int lsoaMonthsChanged,
    double hoursAdded,
    double hoursRemoved,
    double maxChange,
    List<WardChange> wards,
    Map<String, Double> boroughs) {

  private static final double EPS = 1e-6;

  /** A ward's hours over the compared months in both plans. */
  public record WardChange(String wardCode, String wardName, String boroughCode, double baseHours, double candidateHours) {
    public double delta() {
      return candidateHours - baseHours;
    }
  }

  /** Half the absolute changes: hours taken from some LSOAs and given to others. */
  public double hoursMoved() {
    return (hoursAdded + hoursRemoved) / 2;
  }

  public double netChange() {
    double s = 0;
    for (int i = 0; i < months.size(); i++) {
      s += candidateTotals[i] - baseTotals[i];
    }
    return s;
  }

  public static PlanDiff between(PlanSnapshot base, PlanSnapshot candidate, int areas) {
    List<String> common = new ArrayList<>();
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < candidate.months().size(); i++) {
      int j = base.months().indexOf(candidate.months().get(i));
      if (j >= 0) {
        common.add(candidate.months().get(i));
        pairs.add(new int[] {j, i});
      }
    }
    double[] baseTotals = new double[common.size()];
    double[] candTotals = new double[common.size()];
    float[] delta = new float[areas];
    int changed = 0;
    double added = 0;
    double removed = 0;
    double max = 0;
    Map<String, Double> boroughs = new TreeMap<>();
    for (int k = 0; k < pairs.size(); k++) {
      AreaValues b = base.hours(pairs.get(k)[0]);
      AreaValues c = candidate.hours(pairs.get(k)[1]);
      baseTotals[k] = b.sum();
      candTotals[k] = c.sum();
      for (int a = 0; a < areas; a++) {
        double bv = b.get(a);
        double cv = c.get(a);
        if (Double.isNaN(bv) && Double.isNaN(cv)) {
          continue;
        }
        double d = (Double.isNaN(cv) ? 0 : cv) - (Double.isNaN(bv) ? 0 : bv);
        delta[a] += (float) d;
        if (Math.abs(d) > EPS) {
          changed++;
          max = Math.max(max, Math.abs(d));
          if (d > 0) {
            added += d;
          } else {
            removed -= d;
          }
          String borough = candidate.boroughOf(a) != null ? candidate.boroughOf(a) : base.boroughOf(a);
          if (borough != null) {
            boroughs.merge(borough, d, Double::sum);
          }
        }
      }
    }
    return new PlanDiff(common, baseTotals, candTotals, delta, changed, added, removed, max,
        wardChanges(base, candidate, pairs), boroughs);
  }

  private static List<WardChange> wardChanges(PlanSnapshot base, PlanSnapshot candidate, List<int[]> pairs) {
    Map<String, PlanSnapshot.WardRow> baseRows = new HashMap<>();
    base.wards().forEach(w -> baseRows.put(w.wardCode(), w));
    List<WardChange> out = new ArrayList<>();
    for (PlanSnapshot.WardRow c : candidate.wards()) {
      PlanSnapshot.WardRow b = baseRows.get(c.wardCode());
      double bh = 0;
      double ch = 0;
      for (int[] p : pairs) {
        bh += b == null || p[0] >= b.hours().length ? 0 : b.hours()[p[0]];
        ch += p[1] >= c.hours().length ? 0 : c.hours()[p[1]];
      }
      out.add(new WardChange(c.wardCode(), c.wardName(), c.boroughCode(), bh, ch));
    }
    out.sort(Comparator.comparingDouble((WardChange w) -> -Math.abs(w.delta())).thenComparing(WardChange::wardCode));
    return out;
  }
}
