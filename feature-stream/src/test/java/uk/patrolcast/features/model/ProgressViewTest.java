package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.SnapshotCause;

class ProgressViewTest {
  private static final YearMonth JAN = YearMonth.of(2024, 1);

  private static MonthProgress month(YearMonth m, boolean complete, int revision, SnapshotCause pending) {
    return new MonthProgress(m, 1, 10, 10, true, 0, 0, complete, revision, 4, 10, 1L, pending);
  }

  @Test
  void theWatermarkNeedsCompletePublishedAndCommittedMonthsFromTheFirst() {
    ProgressView view = new ProgressView(List.of(
        month(JAN, true, 1, null), month(JAN.plusMonths(1), true, 2, null), month(JAN.plusMonths(2), true, 1, null)), 4);
    assertThat(view.watermark(Map.of())).isNull();
    assertThat(view.watermark(Map.of(JAN, 1))).isEqualTo(JAN);
    // Month 2's revision 2 is decided but only revision 1 is committed: not visible yet.
    assertThat(view.watermark(Map.of(JAN, 1, JAN.plusMonths(1), 1, JAN.plusMonths(2), 1))).isEqualTo(JAN);
    assertThat(view.watermark(Map.of(JAN, 1, JAN.plusMonths(1), 2, JAN.plusMonths(2), 1))).isEqualTo(JAN.plusMonths(2));
  }

  @Test
  void aPendingOrIncompleteMonthHoldsTheWatermark() {
    Map<YearMonth, Integer> committed = Map.of(JAN, 1, JAN.plusMonths(1), 1, JAN.plusMonths(2), 1);
    assertThat(new ProgressView(List.of(month(JAN, true, 1, null), month(JAN.plusMonths(1), false, 1, SnapshotCause.CORRECTED),
        month(JAN.plusMonths(2), false, 1, SnapshotCause.EARLIER_MONTH_CORRECTED)), 4).watermark(committed)).isEqualTo(JAN);
    // A gap: month 3 closed without month 2.
    assertThat(new ProgressView(List.of(month(JAN, true, 1, null), month(JAN.plusMonths(2), true, 1, null)), 4)
        .watermark(committed)).isEqualTo(JAN);
  }
}
