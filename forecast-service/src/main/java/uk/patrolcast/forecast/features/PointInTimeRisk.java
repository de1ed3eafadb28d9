package uk.patrolcast.forecast.features;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.risk.RiskRegression;

/**
 * The static risk score as it could have been known at each origin: the OLS refitted on the
 * {@code window} months ending at the origin. A model that uses the risk score as a feature reads it
 * from here, so no training row sees counts after its own origin (a score fitted once on the whole
 * training window would leak each row's future into its features).
 */
public final class PointInTimeRisk {
  public static final int WINDOW_MONTHS = 36;

  private final FeatureTable table;
  private final Map<YearMonth, double[]> cache = new HashMap<>();

  public PointInTimeRisk(FeatureTable table) {
    this.table = table;
  }

  public synchronized double[] at(YearMonth origin) {
    return cache.computeIfAbsent(origin, o -> RiskRegression.fit(table.upTo(o), o, WINDOW_MONTHS).logRisk());
  }
}
