package uk.patrolcast.allocator.solve;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPModelRequest.SolverType;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.allocator.model.MonthProblem;
import uk.patrolcast.allocator.model.NestedRanges;

/**
 * Solves one month's model to proven optimality with OR-Tools GLOP, by column generation over the
 * "delta" formulation (one [0,1] variable per block of each LSOA, gaining that block's share of
 * w ln(1 + x)).
 *
 * <p>The full delta model has a column for every block between each LSOA's minimum and maximum
 * (about 100 per LSOA-month for London). Only the blocks near where an LSOA's marginal gain crosses
 * the price of an hour matter, so the LP is built over a window of blocks per LSOA; the blocks
 * below the window are fixed on and those above it fixed off. The LP's row duals then price every
 * block of the <em>full</em> model: a fixed-on block must gain at least its price and a fixed-off
 * block at most its price. Where one does not, the window grows and the LP is solved again. When
 * none violates, the duals prove the solution optimal for the full LP.
 *
 * <p>The proof is checked, not assumed: from the duals (clamped to their valid signs) the solver
 * computes the Lagrangian bound of the full model, which bounds every feasible plan whatever the
 * LP's accuracy, and reports it as the best bound. The constraint matrix (an interval-like laminar
 * family: LSOA, ward, borough, London) is totally unimodular and every right-hand side is a whole
 * number of blocks, so the simplex vertex is integral; integrality is checked on every solution,
 * and should a fractional vertex ever appear the window model is re-solved as a MIP (CBC) and the
 * gap reported against the same bound.
 */
public final class LpAllocationSolver {
  private static final Logger log = LoggerFactory.getLogger(LpAllocationSolver.class);
  private static final double INTEGRALITY_TOLERANCE = 1e-6;

  /**
   * @param windowMargin blocks kept as LP columns on each side of an LSOA's estimated crossing
   * @param priceBand blocks whose gain lies within this relative band around the estimated price
   *     are LP columns too
   * @param maxRounds LP rounds before falling back to the full model
   * @param gapTolerance relative gap at which a solution counts as proven optimal
   */
  public record Options(int windowMargin, double priceBand, int maxRounds, double gapTolerance) {
    public static Options defaults() {
      return new Options(1, 0.01, 20, 1e-9);
    }
  }

  private final Options options;

  public LpAllocationSolver(Options options) {
    this.options = options;
    OrToolsNatives.load();
  }

  public Options options() {
    return options;
  }

  /** An optimal plan of the month with its bound; the problem must have passed the feasibility check. */
  public MonthSolution solve(MonthProblem p) {
    long started = System.nanoTime();
    int n = p.size();
    double block = p.blockHours();
    int margin = options.windowMargin();
    int[] lo = new int[n];
    int[] hi = new int[n];
    long fullColumns = 0;
    for (int i = 0; i < n; i++) {
      lo[i] = p.lo(i);
      hi[i] = p.hi(i);
      fullColumns += hi[i] - lo[i];
    }
    double[] estimate = new PriceEstimate(p).perLsoa();
    int[] f = new int[n];
    int[] u = new int[n];
    double band = options.priceBand();
    for (int i = 0; i < n; i++) {
      double w = p.weight(i);
      double price = estimate[i];
      int k = BlockGains.blocksAtPrice(w, block, price, lo[i], hi[i]);
      int above = BlockGains.blocksAtPrice(w, block, price + band * Math.abs(price), lo[i], hi[i]);
      int below = BlockGains.blocksAtPrice(w, block, price - band * Math.abs(price), lo[i], hi[i]);
      f[i] = Math.max(lo[i], Math.min(above, k - margin));
      u[i] = Math.min(hi[i], Math.max(below, k + margin));
    }
    WindowLp lp;
    long lpNanos = 0;
    int rounds = 0;
    boolean fullModel = false;
    while (true) {
      keepFeasible(p, lo, hi, f, u);
      rounds++;
      long lpStarted = System.nanoTime();
      lp = WindowLp.solve(p, f, u, false);
      lpNanos += System.nanoTime() - lpStarted;
      // Windows that a violation shows too narrow grow past the crossing, by more each round.
      int grow = Math.max(1, margin) << Math.min(rounds - 1, 16);
      boolean widened = false;
      for (int i = 0; i < n; i++) {
        double price = lp.price(p, i);
        double tolerance = 1e-12 + 1e-9 * Math.abs(price);
        double w = p.weight(i);
        if (f[i] > lo[i] && BlockGains.gain(w, block, f[i]) < price - tolerance) {
          int k = BlockGains.blocksAtPrice(w, block, price, lo[i], hi[i]);
          f[i] = Math.max(lo[i], Math.min(f[i], k) - grow);
          widened = true;
        }
        if (u[i] < hi[i] && BlockGains.gain(w, block, u[i] + 1) > price + tolerance) {
          int k = BlockGains.blocksAtPrice(w, block, price, lo[i], hi[i]);
          u[i] = Math.min(hi[i], Math.max(u[i], k) + grow);
          widened = true;
        }
      }
      if (!widened) {
        break;
      }
      if (rounds >= options.maxRounds() && !fullModel) {
        log.warn("{}: no certificate after {} LP rounds; solving the full delta model", p.month(), rounds);
        System.arraycopy(lo, 0, f, 0, n);
        System.arraycopy(hi, 0, u, 0, n);
        fullModel = true;
      }
    }
    int columns = lp.columns();
    double bound = dualBound(p, lp);
    int[] blocks = lp.integralBlocks(f);
    String method = fullModel ? "OR-Tools GLOP LP on the full delta model" : "OR-Tools GLOP LP by column generation";
    if (blocks == null) {
      log.warn("{}: fractional LP vertex; re-solving the window model as a MIP with CBC", p.month());
      WindowLp mip = WindowLp.solve(p, f, u, true);
      blocks = mip.integralBlocks(f);
      if (blocks == null) {
        throw new IllegalStateException(p.month() + ": CBC returned a fractional solution");
      }
      method += ", integrality by CBC MIP";
    }
    trimWorthlessBlocks(p, blocks);
    double objective = p.objective(blocks);
    if (bound < objective - 1e-9 * Math.max(1, Math.abs(objective))) {
      // A valid bound cannot be below a feasible plan's objective: something is wrong, publish nothing.
      throw new IllegalStateException(p.month() + ": dual bound " + bound + " below the objective " + objective);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    // Within floating-point noise the bound may fall a hair below the objective; it bounds it.
    return new MonthSolution(blocks, objective, Math.max(bound, objective), rounds, columns, fullColumns, millis,
        lpNanos / 1_000_000, method);
  }

  /**
   * Hands back blocks that gain nothing (LSOAs without forecast burglaries) as far as the ward floors
   * allow: the LP is indifferent to them, the plan should not be. The objective does not change.
   */
  private static void trimWorthlessBlocks(MonthProblem p, int[] blocks) {
    long[] ward = new long[p.wards()];
    for (int i = 0; i < blocks.length; i++) {
      ward[p.wardOf(i)] += blocks[i];
    }
    for (int i = 0; i < blocks.length; i++) {
      int w = p.wardOf(i);
      if (p.weight(i) == 0 && blocks[i] > p.lo(i)) {
        long spare = Math.min(blocks[i] - p.lo(i), ward[w] - p.wardFloor(w));
        if (spare > 0) {
          blocks[i] -= (int) spare;
          ward[w] -= spare;
        }
      }
    }
  }

  /**
   * Widens windows until the window model is feasible. A set whose fixed-on blocks already exceed
   * its cap has its LSOAs' windows opened halfway down to their minimums; a ward whose open blocks
   * cannot reach its floor has them opened halfway up to their maximums; repeated as needed. With
   * the full ranges the model is feasible (the feasibility check has passed), so this ends.
   */
  private static void keepFeasible(MonthProblem p, int[] lo, int[] hi, int[] f, int[] u) {
    while (true) {
      NestedRanges r = new NestedRanges(p, f, u);
      boolean[] down = new boolean[p.wards()];
      boolean[] up = new boolean[p.wards()];
      boolean any = false;
      boolean london = r.totalLow() > p.totalCap();
      for (int w = 0; w < p.wards(); w++) {
        int b = p.boroughOfWard(w);
        down[w] = london || r.boroughLow(b) > p.boroughCap(b) || r.wardMinSum(w) > p.wardCap(w);
        up[w] = p.wardFloor(w) > Math.min(p.wardCap(w), r.wardMaxSum(w));
        any |= down[w] || up[w];
      }
      if (!any) {
        return;
      }
      for (int i = 0; i < p.size(); i++) {
        int w = p.wardOf(i);
        if (down[w]) {
          f[i] = lo[i] + (f[i] - lo[i]) / 2;
        }
        if (up[w]) {
          u[i] = hi[i] - (hi[i] - u[i]) / 2;
        }
      }
    }
  }

  /**
   * The Lagrangian bound of the full model at the LP's duals: for any multipliers of valid sign,
   * max over 0 &lt;= d &lt;= 1 of the relaxed objective bounds every feasible plan. Per LSOA the inner
   * maximum takes the blocks whose gain exceeds the LSOA's price (gains fall, so a prefix).
   */
  static double dualBound(MonthProblem p, WindowLp lp) {
    int n = p.size();
    double block = p.blockHours();
    long[] wardLoSum = new long[p.wards()];
    long[] boroughLoSum = new long[p.boroughs()];
    long loSum = 0;
    double bound = 0;
    for (int i = 0; i < n; i++) {
      int lo = p.lo(i);
      wardLoSum[p.wardOf(i)] += lo;
      boroughLoSum[p.boroughOfWard(p.wardOf(i))] += lo;
      loSum += lo;
      double w = p.weight(i);
      bound += w * Math.log(1 + block * lo);
      double price = lp.price(p, i);
      int k = BlockGains.blocksAtPrice(w, block, price, lo, p.hi(i));
      bound += Math.max(0, BlockGains.gainBetween(w, block, lo, k) - price * (k - lo));
    }
    bound += lp.totalDual() * (p.totalCap() - loSum);
    for (int b = 0; b < p.boroughs(); b++) {
      bound += lp.boroughDual(b) * (p.boroughCap(b) - boroughLoSum[b]);
    }
    for (int w = 0; w < p.wards(); w++) {
      bound += lp.wardCapDual(w) * (p.wardCap(w) - wardLoSum[w]);
      bound -= lp.wardFloorDual(w) * (p.wardFloor(w) - wardLoSum[w]);
    }
    return bound;
  }

  /** The LP over the window blocks (f_i, u_i] of every LSOA, solved once. */
  static final class WindowLp {
    private final double[] extra;
    private final boolean[] fractional;
    private final double totalDual;
    private final double[] boroughDual;
    private final double[] wardCapDual;
    private final double[] wardFloorDual;
    private final int columns;

    private WindowLp(int n, int boroughs, int wards, int columns, double totalDual) {
      this.extra = new double[n];
      this.fractional = new boolean[n];
      this.boroughDual = new double[boroughs];
      this.wardCapDual = new double[wards];
      this.wardFloorDual = new double[wards];
      this.columns = columns;
      this.totalDual = totalDual;
    }

    /**
     * Builds the window model as a proto and solves it in one call (GLOP, or CBC for {@code integer}):
     * far cheaper than a native call per variable and coefficient.
     */
    static WindowLp solve(MonthProblem p, int[] f, int[] u, boolean integer) {
      int n = p.size();
      long[] wardF = new long[p.wards()];
      long[] wardU = new long[p.wards()];
      long[] boroughF = new long[p.boroughs()];
      long[] boroughU = new long[p.boroughs()];
      long sumF = 0;
      long sumU = 0;
      for (int i = 0; i < n; i++) {
        int w = p.wardOf(i);
        int b = p.boroughOfWard(w);
        wardF[w] += f[i];
        wardU[w] += u[i];
        boroughF[b] += f[i];
        boroughU[b] += u[i];
        sumF += f[i];
        sumU += u[i];
      }
      // Rows only where they can bind within the window; the others have dual 0.
      List<MPConstraintProto.Builder> rows = new ArrayList<>();
      int total = sumU > p.totalCap() ? addRow(rows, Double.NEGATIVE_INFINITY, p.totalCap() - sumF) : -1;
      int[] borough = new int[p.boroughs()];
      for (int b = 0; b < p.boroughs(); b++) {
        borough[b] = boroughU[b] > p.boroughCap(b) ? addRow(rows, Double.NEGATIVE_INFINITY, p.boroughCap(b) - boroughF[b]) : -1;
      }
      int[] ward = new int[p.wards()];
      for (int w = 0; w < p.wards(); w++) {
        boolean floor = p.wardFloor(w) > wardF[w];
        boolean cap = p.wardCap(w) < wardU[w];
        ward[w] = floor || cap
            ? addRow(rows, floor ? p.wardFloor(w) - wardF[w] : Double.NEGATIVE_INFINITY,
                cap ? p.wardCap(w) - wardF[w] : Double.POSITIVE_INFINITY)
            : -1;
      }
      MPModelProto.Builder model = MPModelProto.newBuilder().setMaximize(true);
      double block = p.blockHours();
      int columns = 0;
      for (int i = 0; i < n; i++) {
        int w = p.wardOf(i);
        int[] in = {total, borough[p.boroughOfWard(w)], ward[w]};
        for (int k = f[i] + 1; k <= u[i]; k++) {
          model.addVariable(MPVariableProto.newBuilder().setLowerBound(0).setUpperBound(1).setIsInteger(integer)
              .setObjectiveCoefficient(BlockGains.gain(p.weight(i), block, k)));
          for (int row : in) {
            if (row >= 0) {
              rows.get(row).addVarIndex(columns).addCoefficient(1);
            }
          }
          columns++;
        }
      }
      rows.forEach(model::addConstraint);
      MPSolutionResponse response = MPSolver.solveWithProto(MPModelRequest.newBuilder().setModel(model)
          .setSolverType(integer ? SolverType.CBC_MIXED_INTEGER_PROGRAMMING : SolverType.GLOP_LINEAR_PROGRAMMING).build());
      if (response.getStatus() != MPSolverResponseStatus.MPSOLVER_OPTIMAL) {
        throw new IllegalStateException(p.month() + ": " + (integer ? "CBC" : "GLOP") + " ended with status " + response.getStatus()
            + " on the window model (" + columns + " columns)" + (response.getStatusStr().isEmpty() ? "" : ": " + response.getStatusStr()));
      }
      WindowLp lp = new WindowLp(n, p.boroughs(), p.wards(), columns,
          total < 0 || integer ? 0 : response.getDualValue(total));
      if (!integer) {
        for (int b = 0; b < p.boroughs(); b++) {
          lp.boroughDual[b] = borough[b] < 0 ? 0 : response.getDualValue(borough[b]);
        }
        for (int w = 0; w < p.wards(); w++) {
          // A ward row is a range [floor, cap]: a positive dual prices its cap, a negative one its floor.
          double dual = ward[w] < 0 ? 0 : response.getDualValue(ward[w]);
          lp.wardCapDual[w] = p.wardCap(w) < MonthProblem.NO_CAP ? Math.max(0, dual) : 0;
          lp.wardFloorDual[w] = p.wardFloor(w) > 0 ? Math.max(0, -dual) : 0;
        }
      }
      int column = 0;
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int k = f[i] + 1; k <= u[i]; k++) {
          double value = response.getVariableValue(column++);
          sum += value;
          lp.fractional[i] |= Math.abs(value - Math.rint(value)) > INTEGRALITY_TOLERANCE;
        }
        lp.extra[i] = sum;
      }
      return lp;
    }

    private static int addRow(List<MPConstraintProto.Builder> rows, double lower, double upper) {
      rows.add(MPConstraintProto.newBuilder().setLowerBound(lower).setUpperBound(upper));
      return rows.size() - 1;
    }

    int columns() {
      return columns;
    }

    /** Dual of the London row, clamped to its valid sign (a cap: non-negative). */
    double totalDual() {
      return Math.max(0, totalDual);
    }

    double boroughDual(int b) {
      return Math.max(0, boroughDual[b]);
    }

    /** The ward row's dual as a cap (its positive part; 0 without a cap). */
    double wardCapDual(int w) {
      return wardCapDual[w];
    }

    /** The ward row's dual as a floor (its negative part as a non-negative multiplier; 0 without a floor). */
    double wardFloorDual(int w) {
      return wardFloorDual[w];
    }

    /** The price of one more block in LSOA i: the sum of the duals of the rows it sits in. */
    double price(MonthProblem p, int i) {
      int w = p.wardOf(i);
      return totalDual() + boroughDual(p.boroughOfWard(w)) + wardCapDual(w) - wardFloorDual(w);
    }

    /** n_i = f_i + the window blocks taken, or null when some LSOA's window is fractional. */
    int[] integralBlocks(int[] f) {
      int[] out = new int[f.length];
      for (int i = 0; i < f.length; i++) {
        if (fractional[i]) {
          return null;
        }
        out[i] = f[i] + (int) Math.rint(extra[i]);
      }
      return Arrays.copyOf(out, out.length);
    }
  }
}
