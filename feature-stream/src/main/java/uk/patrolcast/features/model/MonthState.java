package uk.patrolcast.features.model;

import java.time.YearMonth;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.SnapshotCause;

/**
 * What the snapshot builder knows of one closed month: the MonthClosed it must match, and what it
 * last published for it (revision, fingerprint of the rows), plus a pending re-check when something
 * the month's rows depend on changed after publication.
 *
 * @param monthRevision MonthClosed.revision
 * @param recordCount MonthClosed.recordCount
 * @param recordHashSum MonthClosed.recordHashSum
 * @param lsoaCount MonthClosed.lsoaCount (0: unknown)
 * @param snapshotRevision revision of the last SnapshotReady published (0: never)
 * @param fingerprint {@link RowFingerprint} of the rows last published
 * @param rows rows last published
 * @param totalCount sum of the counts last published
 * @param readyAtMillis when the last snapshot was published
 * @param pending why the published rows may be stale, or null
 */
public record MonthState(
    YearMonth month,
    int monthRevision,
    int recordCount,
    long recordHashSum,
    int lsoaCount,
    int snapshotRevision,
    long fingerprint,
    int rows,
    int totalCount,
    long readyAtMillis,
    SnapshotCause pending) {

  public static MonthState closed(YearMonth month, MonthClosed closed) {
    return new MonthState(month, 0, 0, 0, 0, 0, 0, 0, 0, 0, null).withClosure(closed);
  }

  public boolean published() {
    return snapshotRevision > 0;
  }

  /** Same closing facts (revision, count, hash sum, universe size) as {@code closed}. */
  public boolean sameClosure(MonthClosed closed) {
    return monthRevision == closed.getRevision()
        && recordCount == closed.getRecordCount()
        && recordHashSum == closed.getRecordHashSum()
        && lsoaCount == closed.getLsoaCount();
  }

  public MonthState withClosure(MonthClosed c) {
    return new MonthState(month, c.getRevision(), c.getRecordCount(), c.getRecordHashSum(), c.getLsoaCount(),
        snapshotRevision, fingerprint, rows, totalCount, readyAtMillis, pending);
  }

  public MonthState withPublication(int revision, long fingerprint, int rows, int totalCount, long readyAtMillis) {
    return new MonthState(month, monthRevision, recordCount, recordHashSum, lsoaCount,
        revision, fingerprint, rows, totalCount, readyAtMillis, null);
  }

  /** Marks the published rows as possibly stale, keeping the strongest cause. */
  public MonthState withPending(SnapshotCause cause) {
    if (!published() || rank(cause) <= rank(pending)) {
      return this;
    }
    return new MonthState(month, monthRevision, recordCount, recordHashSum, lsoaCount,
        snapshotRevision, fingerprint, rows, totalCount, readyAtMillis, cause);
  }

  public MonthState withoutPending() {
    return new MonthState(month, monthRevision, recordCount, recordHashSum, lsoaCount,
        snapshotRevision, fingerprint, rows, totalCount, readyAtMillis, null);
  }

  /** A month's own correction outranks an earlier month's, which outranks a profile change. */
  static int rank(SnapshotCause cause) {
    if (cause == null) {
      return 0;
    }
    return switch (cause) {
      case CORRECTED -> 3;
      case EARLIER_MONTH_CORRECTED -> 2;
      case PROFILE_CHANGED -> 1;
      case CLOSED -> 0;
    };
  }
}
