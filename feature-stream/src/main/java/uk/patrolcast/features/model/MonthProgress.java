package uk.patrolcast.features.model;

import java.time.YearMonth;
import uk.patrolcast.events.SnapshotCause;

/**
 * One closed month as operators see it: what its MonthClosed promised, what has been counted, and
 * what was published.
 *
 * @param expectedRecords MonthClosed.recordCount
 * @param countedRecords live records counted so far (all areas)
 * @param hashMatches the counted content hash sum equals MonthClosed.recordHashSum
 * @param expectedAreas MonthClosed.lsoaCount (0: unknown)
 * @param outsideUniverse counted records whose area has no profile (they are in no row)
 * @param complete counts, hashes and universe match and every earlier month is complete
 * @param snapshotRevision last published revision, 0 when never
 * @param pending why the published rows may be stale (a re-check is due), or null
 */
public record MonthProgress(
    YearMonth month,
    int monthRevision,
    int expectedRecords,
    int countedRecords,
    boolean hashMatches,
    int expectedAreas,
    int outsideUniverse,
    boolean complete,
    int snapshotRevision,
    int publishedRows,
    int publishedTotal,
    long readyAtMillis,
    SnapshotCause pending) {

  /** Complete, published and not awaiting a re-check. */
  public boolean current() {
    return complete && snapshotRevision > 0 && pending == null;
  }
}
