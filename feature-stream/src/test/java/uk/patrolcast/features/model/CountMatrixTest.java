package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CountMatrixTest {
  private static final YearMonth JAN = YearMonth.of(2023, 1);

  @Test
  void totalsFollowEveryCellChange() {
    CountMatrix m = new CountMatrix();
    m.put("A", JAN, new CellCount(3, 30));
    m.put("B", JAN, new CellCount(2, 5));
    assertThat(m.totals(JAN)).isEqualTo(new CellCount(5, 35));
    CellCount old = m.put("A", JAN, new CellCount(1, 10));
    assertThat(old).isEqualTo(new CellCount(3, 30));
    assertThat(m.totals(JAN)).isEqualTo(new CellCount(3, 15));
    assertThat(m.totals(JAN.plusMonths(1))).isEqualTo(CellCount.ZERO);
  }

  @Test
  void anAreaKeepsItsRowWhileOthersArriveAndTheMonthsWiden() {
    // SnapshotBook keeps the rows of its areas between publications: they must not move.
    CountMatrix m = new CountMatrix();
    assertThat(m.row("A")).isEqualTo(-1);
    assertThat(m.series(-1, new MonthAxis(JAN)).count(0)).isZero();
    m.put("A", JAN, new CellCount(4, 1));
    int a = m.row("A");
    m.put("B", JAN.minusMonths(30), new CellCount(2, 1));
    m.put("C", JAN.plusMonths(40), new CellCount(7, 1));
    assertThat(m.rows()).isEqualTo(3);
    assertThat(m.row("A")).isEqualTo(a);
    assertThat(m.series(a, new MonthAxis(JAN)).count(0)).isEqualTo(4);
    assertThat(m.series(m.row("B"), new MonthAxis(JAN.minusMonths(30))).count(0)).isEqualTo(2);
    // The month totals widen with the rows.
    assertThat(m.totals(JAN)).isEqualTo(new CellCount(4, 1));
    assertThat(m.totals(JAN.minusMonths(30))).isEqualTo(new CellCount(2, 1));
    assertThat(m.totals(JAN.plusMonths(40))).isEqualTo(new CellCount(7, 1));
    assertThat(m.totals(JAN.plusMonths(400))).isEqualTo(CellCount.ZERO);
  }

  @Test
  void growsToMonthsOnEitherSideAndKeepsWhatItHeld() {
    CountMatrix m = new CountMatrix();
    m.put("A", JAN, new CellCount(4, 1));
    m.put("A", JAN.minusMonths(30), new CellCount(2, 1));
    m.put("B", JAN.plusMonths(40), new CellCount(7, 1));
    assertThat(m.get("A", JAN).count()).isEqualTo(4);
    assertThat(m.get("A", JAN.minusMonths(30)).count()).isEqualTo(2);
    assertThat(m.get("B", JAN.plusMonths(40)).count()).isEqualTo(7);
    assertThat(m.get("B", JAN).count()).isZero();
    MonthlySeries a = m.series("A", new MonthAxis(JAN.minusMonths(30)));
    assertThat(a.count(0)).isEqualTo(2);
    assertThat(a.count(30)).isEqualTo(4);
    assertThat(a.count(500)).isZero();
    assertThat(m.series("nowhere", new MonthAxis(JAN)).count(0)).isZero();
  }

  @Test
  void countsOutsideAGivenUniverse() {
    CountMatrix m = new CountMatrix();
    m.put("A", JAN, new CellCount(4, 1));
    m.put("X", JAN, new CellCount(2, 1));
    assertThat(m.countOutside(JAN, "A"::equals)).isEqualTo(2);
  }
}
