package uk.patrolcast.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.platform.config.Months;

/**
 * When to train and which origins to forecast; plain decisions, so tests drive them without Kafka.
 *
 * <p>run mode: train once, at the configured cut-off, as soon as the complete snapshots reach it;
 * forecast every origin from the cut-off on. up mode: train a first champion once the snapshots have
 * settled (no new one for a while: a replay of history trains once, at its end); then a challenger
 * whenever the latest complete month is {@code retrainEvery} months past the champion's cut-off. A
 * fixed {@code trainUntil} in up mode freezes training there. Forecasts never wait for training once a
 * champion exists.
 *
 * <p>Backtest months (up mode without {@code trainUntil}): the first champion is trained
 * {@code backtestMonths} before the latest complete month, so every origin from its cut-off on is an
 * out-of-sample one-month-ahead forecast, exactly as {@code run --train-until} gives; the usual
 * schedule then trains a challenger at the latest month.
 */
public final class ForecastSchedule {
  private final boolean runMode;
  private final YearMonth trainUntil;
  private final int retrainEvery;
  private final long settleMillis;
  private final int backtestMonths;

  /** What has been published for an origin. */
  public record Published(int dataRevision, String modelVersion) {}

  /** @param backtestMonths up mode without {@code trainUntil}: the first champion's cut-off is this many months before the latest */
  public ForecastSchedule(boolean runMode, YearMonth trainUntil, int retrainEvery, long settleMillis, int backtestMonths) {
    if (backtestMonths < 0) {
      throw new IllegalArgumentException("backtest months must be 0 or more, not " + backtestMonths);
    }
    this.runMode = runMode;
    this.trainUntil = trainUntil;
    this.retrainEvery = retrainEvery;
    this.settleMillis = settleMillis;
    this.backtestMonths = backtestMonths;
  }

  /**
   * The cut-off a first champion would be trained at with these complete months: the fixed cut-off
   * (run mode, or up mode with {@code trainUntil}), else the latest month less the backtest months.
   * What the history must reach (the shortfall check) is judged at this month.
   */
  public YearMonth firstCutoff(YearMonth lastComplete) {
    if (runMode) {
      return trainUntil;
    }
    if (trainUntil != null) {
      return trainUntil.isBefore(lastComplete) ? trainUntil : lastComplete;
    }
    return lastComplete.minusMonths(backtestMonths);
  }

  /**
   * The cut-off to train at now, or null.
   *
   * @param table the complete snapshots (null when none)
   * @param championCutoff the champion's training cut-off, null when there is none
   * @param lastAttempt the last cut-off a training was started at (successful or not), or null
   * @param sinceLastSnapshotMillis time since the last snapshot completed
   */
  public YearMonth trainingCutoff(FeatureTable table, YearMonth championCutoff, YearMonth lastAttempt, boolean training,
      long sinceLastSnapshotMillis) {
    if (training || table == null) {
      return null;
    }
    YearMonth last = table.lastMonth();
    if (runMode) {
      return championCutoff == null && lastAttempt == null && !last.isBefore(trainUntil) ? trainUntil : null;
    }
    if (sinceLastSnapshotMillis < settleMillis) {
      return null;
    }
    if (championCutoff == null) {
      YearMonth first = firstCutoff(last);
      return first.equals(lastAttempt) ? null : first;
    }
    YearMonth cutoff = trainUntil != null && trainUntil.isBefore(last) ? trainUntil : last;
    if (cutoff.equals(lastAttempt)) {
      return null;
    }
    return Months.between(championCutoff, cutoff) >= retrainEvery ? cutoff : null;
  }

  /**
   * Origins to (re)forecast, oldest first: every complete month from {@code firstOrigin} on that has
   * no forecast yet, or only one from an older snapshot revision, and the latest month when its
   * forecast came from another model than the champion (after a promotion).
   */
  public List<YearMonth> origins(FeatureTable table, YearMonth firstOrigin, Map<YearMonth, Published> published, String championVersion) {
    List<YearMonth> out = new ArrayList<>();
    if (table == null || firstOrigin == null) {
      return out;
    }
    for (YearMonth m = firstOrigin.isBefore(table.firstMonth()) ? table.firstMonth() : firstOrigin; !m.isAfter(table.lastMonth());
        m = m.plusMonths(1)) {
      Published p = published.get(m);
      boolean stale = p == null || p.dataRevision() < table.revision(m)
          || (m.equals(table.lastMonth()) && !p.modelVersion().equals(championVersion));
      if (stale) {
        out.add(m);
      }
    }
    return out;
  }
}
