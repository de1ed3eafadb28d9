package uk.patrolcast.allocator;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;

/**
 * What the plan topic holds, as far as this service needs it: every plan id published (so a replayed
 * ForecastReady does not make a second plan), the watermark, and the latest few current plans (for
 * the change figures, smoothing and {@code GET /plans/current}).
 */
final class PlanLedger {
  private static final int KEPT = 4;

  /** Orders current plans by origin month, then data revision, then arrival. */
  private record Key(String origin, int revision, long sequence) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = origin.compareTo(o.origin);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(revision, o.revision);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  private final Map<String, PlanStatus> published = new HashMap<>();
  private final TreeMap<Key, AllocationPlan> current = new TreeMap<>();
  private long sequence;
  private String watermark;
  private int refusals;

  /** Takes note of a record of the plan topic (read back or just published). */
  void record(AllocationPlan plan) {
    if (plan.getKind() != PlanKind.CURRENT) {
      return;
    }
    PlanStatus before = published.put(plan.getPlanId(), plan.getStatus());
    if (before != null) {
      return;
    }
    if (plan.getStatus() != PlanStatus.FAILED && (watermark == null || plan.getOriginMonth().compareTo(watermark) > 0)) {
      watermark = plan.getOriginMonth();
    }
    if (plan.getStatus() == PlanStatus.OPTIMAL) {
      current.put(new Key(plan.getOriginMonth(), plan.getDataRevision(), sequence++), plan);
      while (current.size() > KEPT) {
        current.pollFirstEntry();
      }
    } else {
      refusals++;
    }
  }

  boolean has(String planId) {
    return published.containsKey(planId);
  }

  /** The latest current plan at or before this origin and revision (null when none). */
  AllocationPlan previousFor(String origin, int revision) {
    var e = current.lowerEntry(new Key(origin, revision, Long.MAX_VALUE));
    return e == null ? null : e.getValue();
  }

  /** The current plan: the latest optimal one. */
  AllocationPlan current() {
    return current.isEmpty() ? null : current.lastEntry().getValue();
  }

  /** Latest origin month with a published current plan or refusal. */
  String watermark() {
    return watermark;
  }

  int plans() {
    return published.size();
  }

  int refusals() {
    return refusals;
  }
}
