package uk.patrolcast.forecast.eval;

import java.util.List;

/**
 * The accuracy targets on one set of metrics (one horizon or one pool): mean Poisson deviance
 * at least 3% below the best baseline's, RMSE below the best baseline's, hit rate at 5% at least 0.5
 * points above the best baseline's, and 80% coverage within [0.80, 0.90]. "Best baseline" is the best
 * one on each metric separately.
 */
public record TargetCheck(
    double deviance, String bestDevianceBaseline, double bestBaselineDeviance, double devianceReduction, boolean devianceMet,
    double rmse, String bestRmseBaseline, double bestBaselineRmse, boolean rmseMet,
    double hitRate5, String bestHitBaseline, double bestBaselineHitRate5, double hitRateGainPoints, boolean hitRateMet,
    Double coverage80, boolean coverageMet) {

  public static final double DEVIANCE_REDUCTION = 0.03;
  public static final double HIT_RATE_POINTS = 0.5;

  public boolean allMet() {
    return devianceMet && rmseMet && hitRateMet && coverageMet;
  }

  /** @return null when the model or a baseline is missing at that horizon/origin */
  public static TargetCheck of(List<MetricValues> metrics, Integer horizon, String originMonth) {
    MetricValues model = find(metrics, Scoring.MODEL, horizon, originMonth);
    if (model == null) {
      return null;
    }
    MetricValues bestDev = null;
    MetricValues bestRmse = null;
    MetricValues bestHit = null;
    for (String b : Baselines.NAMES) {
      MetricValues m = find(metrics, b, horizon, originMonth);
      if (m == null) {
        return null;
      }
      bestDev = bestDev == null || m.poissonDeviance() < bestDev.poissonDeviance() ? m : bestDev;
      bestRmse = bestRmse == null || m.rmse() < bestRmse.rmse() ? m : bestRmse;
      bestHit = bestHit == null || m.hitRate5() > bestHit.hitRate5() ? m : bestHit;
    }
    double reduction = 1 - model.poissonDeviance() / bestDev.poissonDeviance();
    double points = 100 * (model.hitRate5() - bestHit.hitRate5());
    Double cov = model.coverage80();
    return new TargetCheck(model.poissonDeviance(), bestDev.method(), bestDev.poissonDeviance(), reduction, reduction >= DEVIANCE_REDUCTION,
        model.rmse(), bestRmse.method(), bestRmse.rmse(), model.rmse() < bestRmse.rmse(),
        model.hitRate5(), bestHit.method(), bestHit.hitRate5(), points, points >= HIT_RATE_POINTS - 1e-9,
        cov, cov != null && cov >= 0.80 && cov <= 0.90);
  }

  private static MetricValues find(List<MetricValues> metrics, String method, Integer horizon, String originMonth) {
    for (MetricValues m : metrics) {
      if (m.method().equals(method) && java.util.Objects.equals(m.horizon(), horizon)
          && java.util.Objects.equals(m.originMonth(), originMonth)) {
        return m;
      }
    }
    return null;
  }
}
