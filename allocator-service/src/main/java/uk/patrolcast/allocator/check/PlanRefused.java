package uk.patrolcast.allocator.check;

import uk.patrolcast.events.PlanStatus;

/** A plan that must not be made: the status to answer with and the message naming the reason. */
public final class PlanRefused extends RuntimeException {
  private final PlanStatus status;

  public PlanRefused(PlanStatus status, String message) {
    super(message);
    this.status = status;
  }

  public PlanStatus status() {
    return status;
  }
}
