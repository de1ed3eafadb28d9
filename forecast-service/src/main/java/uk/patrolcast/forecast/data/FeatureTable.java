package uk.patrolcast.forecast.data;

import java.time.YearMonth;
import java.util.Arrays;
import uk.patrolcast.platform.config.Months;

/**
 * What the forecast models read: the areas with their profiles and the complete monthly counts, plus
 * the snapshot revision each month was read at (lineage of the forecasts). Built from the feature
 * topic ({@link FeatureStore}) or from a features.csv file ({@link FeatureCsv}).
 */
public final class FeatureTable {
  private final AreaProfiles areas;
  private final CountHistory counts;
  private final int[] revisions;

  public FeatureTable(AreaProfiles areas, CountHistory counts, int[] revisions) {
    if (counts.months() > 0 && counts.monthCounts(0).length != areas.size()) {
      throw new IllegalArgumentException("Counts hold " + counts.monthCounts(0).length + " areas, profiles " + areas.size());
    }
    if (revisions.length != counts.months()) {
      throw new IllegalArgumentException("One revision per month expected");
    }
    this.areas = areas;
    this.counts = counts;
    this.revisions = revisions;
  }

  public AreaProfiles areas() {
    return areas;
  }

  public CountHistory counts() {
    return counts;
  }

  public YearMonth firstMonth() {
    return counts.firstMonth();
  }

  public YearMonth lastMonth() {
    return counts.lastMonth();
  }

  /** Snapshot revision month {@code m} was read at. */
  public int revision(YearMonth month) {
    return revisions[counts.indexOf(month)];
  }

  /** The table as it stood at the end of {@code last}: no month after it is reachable. */
  public FeatureTable upTo(YearMonth last) {
    if (last.equals(lastMonth())) {
      return this;
    }
    CountHistory h = counts.upTo(last);
    return new FeatureTable(areas, h, Arrays.copyOf(revisions, h.months()));
  }

  @Override
  public String toString() {
    return "FeatureTable[" + areas.size() + " areas, " + Months.format(firstMonth()) + ".." + Months.format(lastMonth()) + "]";
  }
}
