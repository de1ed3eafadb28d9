package uk.patrolcast.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.allocator.model.PlanHoursFixture;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;

class PlanLedgerTest {

  private static AllocationPlan plan(String origin, int revision, PlanStatus status) {
    AllocationPlan p = PlanHoursFixture.plan("plan-" + origin + "-r" + revision + "-m", origin, List.of(), List.of());
    p.setDataRevision(revision);
    p.setStatus(status);
    return p;
  }

  @Test
  void tracksPublishedIdsTheWatermarkAndThePreviousPlan() {
    PlanLedger ledger = new PlanLedger();
    ledger.record(plan("2024-01", 1, PlanStatus.OPTIMAL));
    ledger.record(plan("2024-02", 1, PlanStatus.INFEASIBLE));
    assertThat(ledger.has("plan-2024-01-r1-m")).isTrue();
    assertThat(ledger.has("plan-2024-03-r1-m")).isFalse();
    // A refusal moves the watermark (the month was processed) but is never the current plan.
    assertThat(ledger.watermark()).isEqualTo("2024-02");
    assertThat(ledger.current().getPlanId()).isEqualTo("plan-2024-01-r1-m");
    ledger.record(plan("2024-02", 2, PlanStatus.OPTIMAL));
    ledger.record(plan("2024-03", 1, PlanStatus.OPTIMAL));
    assertThat(ledger.previousFor("2024-03", 1).getPlanId()).isEqualTo("plan-2024-03-r1-m");
    assertThat(ledger.previousFor("2024-02", 3).getPlanId()).isEqualTo("plan-2024-02-r2-m");
    assertThat(ledger.previousFor("2024-02", 1).getPlanId()).isEqualTo("plan-2024-01-r1-m");
    assertThat(ledger.previousFor("2023-12", 1)).isNull();
    // The same plan read back again changes nothing; what-if answers are not current plans.
    ledger.record(plan("2024-03", 1, PlanStatus.OPTIMAL));
    AllocationPlan whatIf = plan("2024-09", 1, PlanStatus.OPTIMAL);
    whatIf.setKind(PlanKind.WHAT_IF);
    ledger.record(whatIf);
    assertThat(ledger.plans()).isEqualTo(4);
    assertThat(ledger.watermark()).isEqualTo("2024-03");
  }
}
