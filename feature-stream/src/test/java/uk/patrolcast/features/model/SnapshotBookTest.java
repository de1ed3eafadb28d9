package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.bench.Universes;

/** The completeness and correction rules, without Kafka. */
class SnapshotBookTest {
  private static final YearMonth M0 = YearMonth.of(2021, 1);
  private static final List<LsoaProfile> AREAS = Universes.grid(4, 1);

  private final List<LsoaMonthFeatures> rows = new ArrayList<>();
  private final List<SnapshotReady> readies = new ArrayList<>();
  private final SnapshotBook.Sink sink = new SnapshotBook.Sink() {
    @Override
    public void row(String key, LsoaMonthFeatures row) {
      rows.add(row);
    }

    @Override
    public void ready(SnapshotReady ready) {
      readies.add(ready);
    }
  };
  /** Cells as the counting stage would report them: (area, month) → count, hash sum = count × 1000 + area index. */
  private final Map<String, CellCount> cells = new HashMap<>();
  private SnapshotBook book;
  private long now = 1_000_000;

  @BeforeEach
  void universe() {
    book = new SnapshotBook(true, 2000);
    AREAS.forEach(p -> book.applyProfile(p.getLsoa21cd(), p, now));
  }

  private String area(int i) {
    return AREAS.get(i).getLsoa21cd();
  }

  /** What the counting stage will report for a cell (used by {@link #close} before it is applied). */
  private void expect(int area, YearMonth month, int count) {
    cells.put(area(area) + ":" + month, new CellCount(count, count * 1000L + area));
  }

  private void apply(int area, YearMonth month) {
    book.applyCell(area(area), month, cells.get(area(area) + ":" + month));
  }

  private void count(int area, YearMonth month, int count) {
    expect(area, month, count);
    apply(area, month);
  }

  /** Closes a month with the totals of the cells set so far (what ingest would announce). */
  private MonthClosed close(YearMonth month, int revision) {
    int n = 0;
    long hash = 0;
    for (Map.Entry<String, CellCount> e : cells.entrySet()) {
      if (e.getKey().endsWith(":" + month)) {
        n += e.getValue().count();
        hash += e.getValue().hashSum();
      }
    }
    return closing(month, revision, n, hash, AREAS.size());
  }

  private static MonthClosed closing(YearMonth month, int revision, int records, long hashSum, int lsoaCount) {
    return MonthClosed.newBuilder().setMonth(month.toString()).setRevision(revision).setRecordCount(records)
        .setRecordHashSum(hashSum).setRejectedCount(0).setChecksum("x").setSources(List.of()).setLsoaCount(lsoaCount)
        .setClosedAt(java.time.Instant.EPOCH).build();
  }

  /** Advances until no work is left (each step is at most {@link SnapshotBook#MONTHS_PER_STEP} months). */
  private void advance() {
    while (book.advance(now, sink)) {
      // the builder continues on its next input or punctuation
    }
  }

  private List<String> readyMonths() {
    return readies.stream().map(r -> r.getMonth() + "#" + r.getRevision() + ":" + r.getCause()).toList();
  }

  @Test
  void aMonthWaitsForItsLastRecordThenPublishesEveryAreaOnce() {
    expect(0, M0, 2);
    expect(1, M0, 1);
    book.applyClosure(close(M0, 1));
    apply(0, M0);
    advance();
    assertThat(readies).isEmpty(); // area 1's record has not been counted yet
    assertThat(book.progress().months().get(0).countedRecords()).isEqualTo(2);
    assertThat(book.progress().months().get(0).complete()).isFalse();

    apply(1, M0);
    advance();
    assertThat(readyMonths()).containsExactly("2021-01#1:CLOSED");
    assertThat(rows).hasSize(4).extracting(LsoaMonthFeatures::getCount).containsExactly(2, 1, 0, 0);
    assertThat(readies.get(0).getTotalCount()).isEqualTo(3);
    assertThat(readies.get(0).getLsoaCount()).isEqualTo(4);
    advance();
    assertThat(readies).hasSize(1);
  }

  @Test
  void anAreaWhoseFirstRecordComesAfterAPublicationHasItCountedInTheNext() {
    // The book keeps the count rows of its areas between publications; area 2 has none at the first.
    count(0, M0, 1);
    book.applyClosure(close(M0, 1));
    advance();
    assertThat(rows).extracting(LsoaMonthFeatures::getCount).containsExactly(1, 0, 0, 0);
    count(2, M0.plusMonths(1), 3);
    book.applyClosure(close(M0.plusMonths(1), 1));
    advance();
    assertThat(readyMonths()).containsExactly("2021-01#1:CLOSED", "2021-02#1:CLOSED");
    assertThat(rows.subList(4, 8)).extracting(LsoaMonthFeatures::getCount).containsExactly(0, 0, 3, 0);
    assertThat(rows.subList(4, 8)).extracting(LsoaMonthFeatures::getLag2).containsExactly(1, 0, 0, 0);
  }

  @Test
  void aMonthWaitsForTheWholeUniverse() {
    SnapshotBook small = new SnapshotBook(true, 0);
    small.applyProfile(area(0), AREAS.get(0), now);
    small.applyClosure(closing(M0, 1, 0, 0, AREAS.size()));
    small.advance(now, sink);
    assertThat(readies).isEmpty();
    for (int i = 1; i < AREAS.size(); i++) {
      small.applyProfile(area(i), AREAS.get(i), now);
    }
    small.advance(now, sink);
    assertThat(readyMonths()).containsExactly("2021-01#1:CLOSED");
  }

  @Test
  void aLaterMonthClosedFirstWaitsForTheEarlierOne() {
    count(0, M0, 1);
    book.applyClosure(close(M0, 1));
    advance();
    expect(0, M0.plusMonths(1), 2);
    count(0, M0.plusMonths(2), 3);
    book.applyClosure(close(M0.plusMonths(2), 1));
    advance();
    assertThat(readyMonths()).containsExactly("2021-01#1:CLOSED");
    assertThat(book.progress().months()).extracting(MonthProgress::complete).containsExactly(true, false);

    book.applyClosure(close(M0.plusMonths(1), 1));
    advance();
    assertThat(readies).hasSize(1); // its record has not been counted yet
    apply(0, M0.plusMonths(1));
    advance();
    assertThat(readyMonths()).containsExactly("2021-01#1:CLOSED", "2021-02#1:CLOSED", "2021-03#1:CLOSED");
    assertThat(rows.get(8).getLag2()).isEqualTo(2);
  }

  @Test
  void aConfiguredFirstMonthMustCloseBeforeAnythingIsPublished() {
    SnapshotBook fixed = new SnapshotBook(true, 0, M0);
    AREAS.forEach(p -> fixed.applyProfile(p.getLsoa21cd(), p, now));
    fixed.applyClosure(closing(M0.minusMonths(1), 1, 0, 0, 4)); // before the data: ignored
    fixed.applyClosure(closing(M0.plusMonths(1), 1, 0, 0, 4));
    fixed.advance(now, sink);
    assertThat(readies).isEmpty();
    fixed.applyClosure(closing(M0, 1, 0, 0, 4));
    fixed.advance(now, sink);
    assertThat(readyMonths()).containsExactly("2021-01#1:CLOSED", "2021-02#1:CLOSED");
    assertThat(rows.get(0).getHistory()).isEqualTo(1);
  }

  @Test
  void aCorrectionRepublishesOnlyTheMonthsWhoseRowsChanged() {
    // 30 months in which every area has a burglary every month (so monthsSinceLast never changes).
    for (int m = 0; m < 30; m++) {
      for (int a = 0; a < 4; a++) {
        count(a, M0.plusMonths(m), 1 + (m + a) % 3);
      }
      book.applyClosure(close(M0.plusMonths(m), 1));
    }
    advance();
    assertThat(readies).hasSize(30);
    readies.clear();
    rows.clear();

    YearMonth corrected = M0.plusMonths(2);
    count(1, corrected, 9); // a record more: the month is incomplete until its new closing arrives
    advance();
    assertThat(readies).isEmpty();
    assertThat(book.progress().months().get(2).pending()).isEqualTo(SnapshotCause.CORRECTED);
    book.applyClosure(close(corrected, 2));
    advance();
    // Month 2 itself, then only the months with a non-null feature whose window reaches month 2:
    // lags and mean3/mean6 (months 3..7), lag12 and mean12 once they exist (months 11..13), mean24
    // once it exists (months 23..25). Months 8..10 (mean12 still null) and 26.. are unchanged.
    assertThat(readies).extracting(r -> r.getMonth()).containsExactly(
        "2021-03", "2021-04", "2021-05", "2021-06", "2021-07", "2021-08",
        "2021-12", "2022-01", "2022-02",
        "2022-12", "2023-01", "2023-02");
    assertThat(readies.get(0).getCause()).isEqualTo(SnapshotCause.CORRECTED);
    assertThat(readies.get(0).getRevision()).isEqualTo(2);
    assertThat(readies.get(0).getMonthRevision()).isEqualTo(2);
    assertThat(readies.subList(1, 12)).allSatisfy(r -> {
      assertThat(r.getCause()).isEqualTo(SnapshotCause.EARLIER_MONTH_CORRECTED);
      assertThat(r.getRevision()).isEqualTo(2);
      assertThat(r.getMonthRevision()).isEqualTo(1);
    });
    assertThat(rows).hasSize(12 * 4).allSatisfy(r -> assertThat(r.getSnapshotRevision()).isEqualTo(2));
    LsoaMonthFeatures lateRow = rows.stream().filter(r -> r.getMonth().equals("2023-02") && r.getLsoa21cd().equals(area(1)))
        .findFirst().orElseThrow();
    assertThat(lateRow.getMean24()).isNotNull();
    assertThat(book.progress().months()).allSatisfy(m -> assertThat(m.current()).isTrue());
  }

  @Test
  void oneStepComputesAtMostTwelveMonthsAndTheNextContinues() {
    for (int m = 0; m < 30; m++) {
      count(0, M0.plusMonths(m), 1);
      book.applyClosure(close(M0.plusMonths(m), 1));
    }
    assertThat(book.advance(now, sink)).isTrue();
    assertThat(readies).hasSize(12);
    assertThat(book.advance(now, sink)).isTrue();
    assertThat(book.advance(now, sink)).isFalse();
    assertThat(readies).extracting(SnapshotReady::getMonth).hasSize(30).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void aNewClosingRevisionWithTheSameContentRepublishesOnlyThatMonth() {
    for (int m = 0; m < 3; m++) {
      count(0, M0.plusMonths(m), 1);
      book.applyClosure(close(M0.plusMonths(m), 1));
    }
    advance();
    readies.clear();
    book.applyClosure(close(M0, 2));
    advance();
    assertThat(readyMonths()).containsExactly("2021-01#2:CORRECTED");
    book.applyClosure(close(M0, 2)); // the same closing again changes nothing
    advance();
    assertThat(readies).hasSize(1);
  }

  @Test
  void anEarlierFirstMonthRepublishesWhatItChanges() {
    count(0, M0.plusMonths(1), 1);
    book.applyClosure(close(M0.plusMonths(1), 1));
    advance();
    assertThat(rows.get(0).getHistory()).isEqualTo(1);
    readies.clear();
    rows.clear();
    count(0, M0, 3);
    book.applyClosure(close(M0, 1));
    advance();
    assertThat(readyMonths()).containsExactly("2021-01#1:CLOSED", "2021-02#2:EARLIER_MONTH_CORRECTED");
    assertThat(rows.get(4).getHistory()).isEqualTo(2);
    assertThat(rows.get(4).getLag2()).isEqualTo(3);
  }

  @Test
  void profileChangesAreRecheckedOnceQuiet() {
    count(0, M0, 1);
    book.applyClosure(close(M0, 1));
    advance();
    readies.clear();
    LsoaProfile moved = LsoaProfile.newBuilder(AREAS.get(2)).setPopulation(99_999).build();
    book.applyProfile(moved.getLsoa21cd(), moved, now);
    advance();
    assertThat(readies).isEmpty(); // not quiet yet: more profiles may follow
    now += 2000;
    advance();
    assertThat(readyMonths()).containsExactly("2021-01#2:PROFILE_CHANGED");
    assertThat(rows.stream().filter(r -> r.getLsoa21cd().equals(moved.getLsoa21cd()) && r.getSnapshotRevision() == 2))
        .singleElement().extracting(LsoaMonthFeatures::getPopulation).isEqualTo(99_999);
    book.applyProfile(moved.getLsoa21cd(), moved, now); // identical: nothing to do
    now += 5000;
    advance();
    assertThat(readies).hasSize(1);
  }

  @Test
  void riskScoresReachNewRowsButNeverRepublishOldMonths() {
    count(0, M0, 1);
    book.applyClosure(close(M0, 1));
    advance();
    book.applyRisk(area(0), 1.25);
    now += 10_000;
    advance();
    assertThat(readies).hasSize(1);
    count(0, M0.plusMonths(1), 1);
    book.applyClosure(close(M0.plusMonths(1), 1));
    advance();
    assertThat(readies).hasSize(2);
    assertThat(rows.get(0).getLogRiskScore()).isNull();
    assertThat(rows.get(4).getLogRiskScore()).isEqualTo(1.25);
    assertThat(rows.get(5).getLogRiskScore()).isNull();
  }

  @Test
  void rowsWithoutRiskWhenTheJoinIsOff() {
    SnapshotBook noRisk = new SnapshotBook(false, 0);
    AREAS.forEach(p -> noRisk.applyProfile(p.getLsoa21cd(), p, now));
    noRisk.applyRisk(area(0), 1.25);
    noRisk.applyClosure(closing(M0, 1, 0, 0, 4));
    noRisk.advance(now, sink);
    assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.getLogRiskScore()).isNull());
  }

  @Test
  void aRestoredBookContinuesWithoutRepublishing() {
    count(0, M0, 1);
    book.applyClosure(close(M0, 1));
    advance();
    List<MonthState> persisted = book.drainChanged();
    SnapshotBook restored = new SnapshotBook(true, 0);
    AREAS.forEach(restored::restoreProfile);
    restored.restoreCell(area(0), M0, cells.get(area(0) + ":" + M0));
    persisted.forEach(restored::restoreMonth);
    readies.clear();
    restored.advance(now, sink);
    assertThat(readies).isEmpty();
    count(0, M0.plusMonths(1), 2);
    restored.applyCell(area(0), M0.plusMonths(1), cells.get(area(0) + ":" + M0.plusMonths(1)));
    restored.applyClosure(close(M0.plusMonths(1), 1));
    restored.advance(now, sink);
    assertThat(readyMonths()).containsExactly("2021-02#1:CLOSED");
  }
}
