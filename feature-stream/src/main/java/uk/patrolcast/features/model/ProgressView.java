package uk.patrolcast.features.model;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * An immutable picture of the snapshot builder's months, handed from the stream thread to the
 * HTTP and watermark readers.
 *
 * @param months every closed month, in order
 * @param universeSize profiles known
 */
public record ProgressView(List<MonthProgress> months, int universeSize) {
  public static final ProgressView EMPTY = new ProgressView(List.of(), 0);

  /**
   * The latest month up to which every month, from the first, is complete, published, not awaiting
   * a re-check, and whose published revision has been committed (seen by a read-committed reader),
   * or null. The builder publishes inside a transaction; only the committed revisions say that
   * consumers can see the rows.
   *
   * @param committed latest committed SnapshotReady revision per month
   */
  public YearMonth watermark(Map<YearMonth, Integer> committed) {
    YearMonth watermark = null;
    YearMonth expected = null;
    for (MonthProgress m : months) {
      if (expected != null && !m.month().equals(expected)) {
        break;
      }
      Integer revision = committed.get(m.month());
      if (!m.current() || revision == null || revision < m.snapshotRevision()) {
        break;
      }
      watermark = m.month();
      expected = m.month().plusMonths(1);
    }
    return watermark;
  }
}
