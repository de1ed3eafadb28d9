package uk.patrolcast.features.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.platform.config.Months;

/**
 * The completeness rules and the decisions of the snapshot builder, without Kafka: it holds the
 * count cells, the closed months, the area universe and the risk scores, and says which months'
 * rows to publish and when.
 *
 * <p>A month t is <b>complete</b> when its MonthClosed has arrived, the live records of t number
 * exactly MonthClosed.recordCount with exactly its hash sum, the universe holds at least
 * MonthClosed.lsoaCount profiles, and every month from the first month of data (the earliest closed
 * month) up to t is complete. A complete month is published once (cause CLOSED). When something its
 * rows depend on changes afterwards (its own cells or MonthClosed: CORRECTED; an earlier month:
 * EARLIER_MONTH_CORRECTED; a profile: PROFILE_CHANGED), it is marked pending; once complete again
 * its rows are recomputed and re-published with revision + 1 only if their fingerprint changed.
 * Profile re-checks wait for a quiet period, so that a reload of thousands of profiles costs one
 * re-check, not thousands. New risk scores never re-publish a month.
 */
public final class SnapshotBook {
  private static final Logger log = LoggerFactory.getLogger(SnapshotBook.class);

  /** Months computed (published or re-checked) by one {@link #advance} step at most. */
  public static final int MONTHS_PER_STEP = 12;

  /** Where published rows and SnapshotReady events go (in the builder: the task's forward). */
  public interface Sink {
    void row(String key, LsoaMonthFeatures row);

    void ready(SnapshotReady ready);
  }

  private final CountMatrix cells = new CountMatrix();
  private int[] countRows;
  private LsoaProfile[] rowsOrderedFor;
  private int rowsKnown = -1;
  private final TreeMap<YearMonth, MonthState> months = new TreeMap<>();
  private final Universe universe = new Universe();
  private final Map<String, Double> risk = new HashMap<>();
  private final Set<YearMonth> changed = new TreeSet<>();
  private final boolean joinRisk;
  private final long profileQuietMillis;
  private final YearMonth configuredFirst;
  private long lastProfileChange = Long.MIN_VALUE / 2;
  private YearMonth lastPublished;
  /** Records per month in areas without a profile: kept up to date per cell, rebuilt when the universe changes. */
  private final Map<YearMonth, Integer> outside = new HashMap<>();
  private boolean outsideStale = true;

  /**
   * @param joinRisk whether rows carry the latest risk score (off makes rows independent of when
   *     the risk topic was read)
   * @param profileQuietMillis how long after the last profile change a profile re-check waits
   */
  public SnapshotBook(boolean joinRisk, long profileQuietMillis) {
    this(joinRisk, profileQuietMillis, null);
  }

  /**
   * @param firstMonth the first month of data when known in advance (closings of earlier months are
   *     ignored, and nothing is published before it has closed); null: the earliest closed month
   */
  public SnapshotBook(boolean joinRisk, long profileQuietMillis, YearMonth firstMonth) {
    this.joinRisk = joinRisk;
    this.profileQuietMillis = profileQuietMillis;
    this.configuredFirst = firstMonth;
  }

  /** The first month of data: the configured one, else the earliest closed month (null if none). */
  public YearMonth firstMonth() {
    return configuredFirst != null ? configuredFirst : months.isEmpty() ? null : months.firstKey();
  }

  // ---- restoring from the stores (no decisions) ----

  /** Adds one input partition's part of a cell (the cell is the sum of its partitions' parts). */
  public void restoreCell(String lsoa, YearMonth month, CellCount part) {
    cells.put(lsoa, month, cells.get(lsoa, month).plus(part));
  }

  public void restoreMonth(MonthState state) {
    months.put(state.month(), state);
    if (state.published() && (lastPublished == null || state.month().isAfter(lastPublished))) {
      lastPublished = state.month();
    }
  }

  public void restoreProfile(LsoaProfile profile) {
    universe.put(profile);
    outsideStale = true;
  }

  public void restoreRisk(String lsoa, double logRiskScore) {
    risk.put(lsoa, logRiskScore);
  }

  // ---- inputs: each returns whether advance() may now have work ----

  /** A count cell's value as known now (zero when never seen). */
  public CellCount cell(String lsoa, YearMonth month) {
    return cells.get(lsoa, month);
  }

  /** A count cell's new value (from the counting stage); returns whether a month's completeness changed. */
  public boolean applyCell(String lsoa, YearMonth month, CellCount value) {
    boolean before = complete(month);
    CellCount old = cells.put(lsoa, month, value);
    if (old.equals(value)) {
      return false;
    }
    if (!outsideStale && !universe.contains(lsoa)) {
      outside.merge(month, value.count() - old.count(), Integer::sum);
    }
    YearMonth first = firstMonth();
    if (first != null && !month.isBefore(first)) {
      markChanged(month);
    }
    return before != complete(month);
  }

  /** A MonthClosed (first closing or a new revision). */
  public boolean applyClosure(MonthClosed closed) {
    YearMonth month = Months.parse(closed.getMonth());
    if (configuredFirst != null && month.isBefore(configuredFirst)) {
      log.warn("Ignoring MonthClosed {}: before the configured first month {}", month, configuredFirst);
      return false;
    }
    MonthState state = months.get(month);
    if (state == null) {
      boolean newFirst = !months.isEmpty() && month.isBefore(months.firstKey());
      put(MonthState.closed(month, closed));
      if (!outsideStale) {
        outside.put(month, cells.countOutside(month, universe::contains));
      }
      if (newFirst) {
        // Every published month's history (lags, history, nulls) now starts earlier.
        months.tailMap(month, false).values().forEach(s -> put(s.withPending(SnapshotCause.EARLIER_MONTH_CORRECTED)));
      }
      return true;
    }
    if (state.sameClosure(closed)) {
      return false;
    }
    if (closed.getRevision() < state.monthRevision()) {
      log.warn("Ignoring MonthClosed {} revision {}: revision {} is already known", month, closed.getRevision(), state.monthRevision());
      return false;
    }
    put(state.withClosure(closed));
    markChanged(month);
    return true;
  }

  /** A profile, or null when the area left the universe. */
  public boolean applyProfile(String lsoa, LsoaProfile profile, long nowMillis) {
    boolean didChange = profile == null ? universe.remove(lsoa) : universe.put(profile);
    if (!didChange) {
      return false;
    }
    outsideStale = true;
    if (lastPublished != null) {
      lastProfileChange = nowMillis;
      months.values().forEach(s -> put(s.withPending(SnapshotCause.PROFILE_CHANGED)));
    }
    return true;
  }

  /** A risk score (null: withdrawn). Rows published from now on carry it; published months are not re-emitted. */
  public void applyRisk(String lsoa, Double logRiskScore) {
    if (logRiskScore == null) {
      risk.remove(lsoa);
    } else {
      risk.put(lsoa, logRiskScore);
    }
  }

  /**
   * Publishes the months that became complete and re-checks pending ones, in month order, at most
   * {@link #MONTHS_PER_STEP} of them: whatever one step publishes goes into one transaction, and a
   * profile change may touch every month (~800,000 rows). The next step (the next input or the next
   * punctuation) continues where this one stopped.
   *
   * @return whether months were left for a later step
   */
  public boolean advance(long nowMillis, Sink sink) {
    if (months.isEmpty()) {
      return false;
    }
    MonthAxis axis = new MonthAxis(firstMonth());
    boolean profilesQuiet = nowMillis - lastProfileChange >= profileQuietMillis;
    YearMonth expected = axis.first();
    int computed = 0;
    for (MonthState state : new ArrayList<>(months.values())) {
      if (!state.month().equals(expected) || !complete(state.month())) {
        break; // a gap or an incomplete month: later months wait (their lags need it)
      }
      boolean due = !state.published()
          || state.pending() != null && (state.pending() != SnapshotCause.PROFILE_CHANGED || profilesQuiet);
      if (due && computed == MONTHS_PER_STEP) {
        return true;
      }
      if (!state.published()) {
        publish(axis, state, SnapshotCause.CLOSED, nowMillis, sink);
        computed++;
      } else if (due) {
        recheck(axis, state, nowMillis, sink);
        computed++;
      }
      expected = expected.plusMonths(1);
    }
    return false;
  }

  /** Months whose state changed since the last call (to persist), and forgets them. */
  public List<MonthState> drainChanged() {
    List<MonthState> out = new ArrayList<>();
    for (YearMonth m : changed) {
      out.add(months.get(m));
    }
    changed.clear();
    return out;
  }

  /** Closed months, counts and publications as operators see them. */
  public ProgressView progress() {
    if (outsideStale) {
      outside.clear();
      for (YearMonth m : months.keySet()) {
        outside.put(m, cells.countOutside(m, universe::contains));
      }
      outsideStale = false;
    }
    List<MonthProgress> out = new ArrayList<>();
    boolean prefixComplete = true;
    YearMonth expected = firstMonth();
    for (MonthState s : months.values()) {
      CellCount counted = cells.totals(s.month());
      prefixComplete &= s.month().equals(expected) && complete(s.month());
      expected = s.month().plusMonths(1);
      out.add(new MonthProgress(
          s.month(), s.monthRevision(), s.recordCount(), counted.count(), counted.hashSum() == s.recordHashSum(),
          s.lsoaCount(), outside.getOrDefault(s.month(), 0), prefixComplete,
          s.snapshotRevision(), s.rows(), s.totalCount(), s.readyAtMillis(), s.pending()));
    }
    return new ProgressView(List.copyOf(out), universe.size());
  }

  /** The month's own completeness (not its predecessors'). */
  boolean complete(YearMonth month) {
    MonthState state = months.get(month);
    if (state == null || universe.size() == 0 || universe.size() < state.lsoaCount()) {
      return false;
    }
    CellCount totals = cells.totals(month);
    return totals.count() == state.recordCount() && totals.hashSum() == state.recordHashSum();
  }

  public Universe universe() {
    return universe;
  }

  // ---- internals ----

  /** Something {@code month}'s rows depend on changed: it and every later published month are pending. */
  private void markChanged(YearMonth month) {
    MonthState state = months.get(month);
    if (state != null) {
      put(state.withPending(SnapshotCause.CORRECTED));
    }
    if (lastPublished == null || !month.isBefore(lastPublished)) {
      return;
    }
    for (MonthState later : months.tailMap(month, false).values()) {
      put(later.withPending(SnapshotCause.EARLIER_MONTH_CORRECTED));
    }
  }

  private void put(MonthState state) {
    if (!state.equals(months.put(state.month(), state))) {
      changed.add(state.month());
    }
  }

  private void publish(MonthAxis axis, MonthState state, SnapshotCause cause, long nowMillis, Sink sink) {
    MonthRows rows = compute(axis, state, state.snapshotRevision() + 1);
    emit(state, rows, cause, nowMillis, sink);
  }

  /** Recomputes a published month; re-publishes it only if its rows differ from what was published. */
  private void recheck(MonthAxis axis, MonthState state, long nowMillis, Sink sink) {
    MonthRows rows = compute(axis, state, state.snapshotRevision() + 1);
    if (rows.fingerprint() == state.fingerprint()) {
      put(state.withoutPending());
      return;
    }
    emit(state, rows, state.pending(), nowMillis, sink);
  }

  private void emit(MonthState state, MonthRows rows, SnapshotCause cause, long nowMillis, Sink sink) {
    for (LsoaMonthFeatures row : rows.rows()) {
      sink.row(row.getLsoa21cd() + ":" + row.getMonth(), row);
    }
    int revision = state.snapshotRevision() + 1;
    sink.ready(SnapshotReady.newBuilder()
        .setMonth(Months.format(state.month()))
        .setRevision(revision)
        .setLsoaCount(rows.rows().size())
        .setTotalCount(rows.totalCount())
        .setMonthRevision(state.monthRevision())
        .setCause(cause)
        .setReadyAt(Instant.ofEpochMilli(nowMillis))
        .build());
    put(state.withPublication(revision, rows.fingerprint(), rows.rows().size(), rows.totalCount(), nowMillis));
    if (lastPublished == null || state.month().isAfter(lastPublished)) {
      lastPublished = state.month();
    }
    log.info("Published {} snapshot revision {} ({}): {} rows, {} burglaries", state.month(), revision, cause,
        rows.rows().size(), rows.totalCount());
  }

  private record MonthRows(List<LsoaMonthFeatures> rows, long fingerprint, int totalCount) {}

  /**
   * The count rows of the universe's areas in its order, kept while neither the universe (the same
   * ordered array) nor the areas with counts change: otherwise a map lookup per area and month
   * published, about 2 % of a replay's samples.
   */
  private int[] countRows(LsoaProfile[] areas) {
    if (areas != rowsOrderedFor || cells.rows() != rowsKnown) {
      int[] rows = new int[areas.length];
      for (int i = 0; i < areas.length; i++) {
        rows[i] = cells.row(areas[i].getLsoa21cd());
      }
      countRows = rows;
      rowsOrderedFor = areas;
      rowsKnown = cells.rows();
    }
    return countRows;
  }

  /** Every area's row of a month: own lags first (neighbours reuse them), then the rows. */
  private MonthRows compute(MonthAxis axis, MonthState state, int snapshotRevision) {
    int k = axis.index(state.month());
    LsoaProfile[] areas = universe.ordered();
    LagFeatures[] lags = new LagFeatures[areas.length];
    int[] countRow = countRows(areas);
    for (int i = 0; i < areas.length; i++) {
      lags[i] = LagFeatures.of(cells.series(countRow[i], axis), k);
    }
    List<LsoaMonthFeatures> rows = new ArrayList<>(areas.length);
    RowFingerprint fingerprint = new RowFingerprint();
    int total = 0;
    for (int i = 0; i < areas.length; i++) {
      int[] nbrs = universe.neighbours(i);
      List<LagFeatures> nbrLags = new ArrayList<>(nbrs.length);
      for (int j : nbrs) {
        nbrLags.add(lags[j]);
      }
      String code = areas[i].getLsoa21cd();
      LsoaMonthFeatures row = FeatureRows.row(state.month(), k + 1, areas[i], lags[i], NeighbourFeatures.of(nbrLags),
          joinRisk ? risk.get(code) : null, state.monthRevision(), snapshotRevision);
      fingerprint.add(row);
      total += row.getCount();
      rows.add(row);
    }
    return new MonthRows(rows, fingerprint.value(), total);
  }
}
