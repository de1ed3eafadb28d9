package uk.patrolcast.features.model;

import java.util.ArrayList;
import java.util.List;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;

/**
 * The rows of one area, computed on demand with the same rules as the snapshot builder: what the
 * interactive queries answer from the builder's stores.
 */
public final class AreaRows {
  private AreaRows() {}

  /**
   * @param counts the cells of the area and of its neighbours (others may be absent)
   * @param neighbours the area's neighbours in the universe
   * @param months the published months to compute, in any order
   * @param logRiskScore the area's current risk score, or null
   */
  public static List<LsoaMonthFeatures> rows(
      LsoaProfile profile, CountMatrix counts, List<String> neighbours, MonthAxis axis, List<MonthState> months,
      Double logRiskScore) {
    List<LsoaMonthFeatures> out = new ArrayList<>();
    for (MonthState month : months) {
      int k = axis.index(month.month());
      List<LagFeatures> nbrLags = new ArrayList<>();
      for (String n : neighbours) {
        nbrLags.add(LagFeatures.of(counts.series(n, axis), k));
      }
      LagFeatures own = LagFeatures.of(counts.series(profile.getLsoa21cd(), axis), k);
      out.add(FeatureRows.row(month.month(), k + 1, profile, own, NeighbourFeatures.of(nbrLags), logRiskScore,
          month.monthRevision(), month.snapshotRevision()));
    }
    return out;
  }
}
