package uk.patrolcast.allocator.solve;

/**
 * An optimal plan of one month in blocks, with what proves it.
 *
 * @param blocks n_i per LSOA (hours = block x n_i)
 * @param objective sum w_i ln(1 + x_i) of the plan
 * @param bestBound an upper bound on the objective of every feasible plan (a dual bound)
 * @param rounds LP solves it took (the column-generation rounds)
 * @param columns block variables in the last LP (out of {@code fullColumns} in the full model)
 * @param fullColumns block variables the full model would have
 * @param millis wall time
 * @param lpMillis of which inside OR-Tools (building the model and solving it)
 * @param method how the plan was found and proven
 */
public record MonthSolution(
    int[] blocks, double objective, double bestBound, int rounds, int columns, long fullColumns, long millis, long lpMillis,
    String method) {

  /** Relative gap (bound - objective) / |objective|, 0 when both are 0. */
  public double gap() {
    double diff = Math.max(0, bestBound - objective);
    return diff == 0 ? 0 : diff / Math.max(Math.abs(objective), 1e-300);
  }
}
