package uk.patrolcast.allocator.plan;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.allocator.check.FeasibilityCheck;
import uk.patrolcast.allocator.check.PlanRefused;
import uk.patrolcast.allocator.check.PlanVerifier;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.model.MonthProblem;
import uk.patrolcast.allocator.model.PlanHours;
import uk.patrolcast.allocator.solve.LpAllocationSolver;
import uk.patrolcast.allocator.solve.MonthSolution;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WardAllocation;
import uk.patrolcast.platform.config.Months;

/**
 * Turns forecasts, reference data and settings into a plan record: checks the request, builds each
 * month's model, refuses infeasible ones by name, solves the months in parallel to proven
 * optimality, verifies every constraint on the result, and adds the binding constraints, fairness
 * figures, the change from the previous plan and the lineage. It never returns a wrong plan: every
 * failure becomes a refusal (INVALID_REQUEST, INFEASIBLE or FAILED) with a message.
 */
public final class AllocationPlanner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AllocationPlanner.class);

  private final LpAllocationSolver solver;
  private final ExecutorService months;

  /**
   * What to plan.
   *
   * @param planId identity of the plan
   * @param kind CURRENT or WHAT_IF
   * @param requestId the what-if request answered, or null
   * @param profiles reference data per LSOA code (must cover every forecast LSOA)
   * @param forecasts the forecasts driving the plan
   * @param settings the model's numbers
   * @param previous the plan to compare with and smooth against, or null
   * @param createdAt the plan's timestamp
   */
  public record PlanRequest(
      String planId, PlanKind kind, String requestId, Map<String, Area> profiles, ForecastSet forecasts,
      AllocationSettings settings, AllocationPlan previous, Instant createdAt) {}

  /** @param threads months solved at once (each solve is single-threaded) */
  public AllocationPlanner(LpAllocationSolver solver, int threads) {
    this.solver = solver;
    AtomicInteger count = new AtomicInteger();
    this.months = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "allocator-solve-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The plan, or a refusal record naming why there is none. */
  public AllocationPlan plan(PlanRequest request) {
    long started = System.nanoTime();
    try {
      return solve(request, started);
    } catch (PlanRefused e) {
      log.info("{} refused ({}): {}", request.planId(), e.status(), e.getMessage());
      return refusal(request, e.status(), e.getMessage(), started);
    } catch (RuntimeException e) {
      log.error("{} failed", request.planId(), e);
      return refusal(request, PlanStatus.FAILED, "planning failed: " + e, started);
    }
  }

  private AllocationPlan solve(PlanRequest request, long started) {
    if (request.forecasts() == null) {
      throw new PlanRefused(PlanStatus.INVALID_REQUEST, "no complete forecasts to plan from");
    }
    AllocationSettings settings = request.settings();
    List<String> invalid = new ArrayList<>(settings.invalidReasons());
    if (!invalid.isEmpty()) {
      throw new PlanRefused(PlanStatus.INVALID_REQUEST, String.join("; ", invalid));
    }
    AreaUniverse universe = universe(request.profiles(), request.forecasts());
    invalid.addAll(settings.unknownCodes(universe));
    if (!invalid.isEmpty()) {
      throw new PlanRefused(PlanStatus.INVALID_REQUEST, String.join("; ", invalid));
    }
    PlanHours previous = request.previous() == null || request.previous().getStatus() != PlanStatus.OPTIMAL
        ? null : PlanHours.of(request.previous());
    List<MonthProblem> problems = new ArrayList<>();
    for (int m = 0; m < settings.horizonMonths(); m++) {
      try {
        problems.add(MonthProblem.of(universe, settings, request.forecasts(), m, previous));
      } catch (IllegalArgumentException e) {
        throw new PlanRefused(PlanStatus.INVALID_REQUEST, e.getMessage());
      }
    }
    long built = System.nanoTime();
    for (MonthProblem p : problems) {
      Optional<String> problem = FeasibilityCheck.problem(p);
      if (problem.isPresent()) {
        throw new PlanRefused(PlanStatus.INFEASIBLE, problem.get());
      }
    }
    long solveStarted = System.nanoTime();
    List<MonthSolution> solutions = solveAll(problems);
    long solveMillis = (System.nanoTime() - solveStarted) / 1_000_000;
    AllocationPlan plan = assemble(request, universe, problems, solutions, previous, solveMillis);
    long assembled = System.nanoTime();
    List<String> violations = PlanVerifier.violations(plan, universe, request.forecasts(), previous);
    if (log.isDebugEnabled()) {
      log.debug("{}: models built in {} ms, checked in {} ms, solved in {} ms, assembled in {} ms, verified in {} ms",
          request.planId(), (built - started) / 1_000_000, (solveStarted - built) / 1_000_000, solveMillis,
          (assembled - solveStarted) / 1_000_000 - solveMillis, (System.nanoTime() - assembled) / 1_000_000);
    }
    if (!violations.isEmpty()) {
      log.error("{}: the solution breaks constraints; not published: {}", request.planId(), violations);
      throw new PlanRefused(PlanStatus.FAILED, "the solution failed verification: " + String.join("; ", violations));
    }
    double tolerance = solver.options().gapTolerance();
    if (!(plan.getGap() <= tolerance)) {
      throw new PlanRefused(PlanStatus.FAILED, String.format(java.util.Locale.ROOT,
          "optimality not proven: gap %.3g above the tolerance %.3g (objective %.9g, bound %.9g)",
          plan.getGap(), tolerance, plan.getObjective(), plan.getBestBound()));
    }
    log.info("{}: {} LSOAs x {} months, objective {} (gap {}), solved in {} ms, planned in {} ms", request.planId(),
        universe.size(), problems.size(), String.format(java.util.Locale.ROOT, "%.6f", plan.getObjective()),
        String.format(java.util.Locale.ROOT, "%.1e", plan.getGap()), solveMillis, (System.nanoTime() - started) / 1_000_000);
    return plan;
  }

  /** The forecast LSOAs with their reference data; a refusal names LSOAs without it. */
  static AreaUniverse universe(Map<String, Area> profiles, ForecastSet forecasts) {
    if (forecasts.size() == 0) {
      throw new PlanRefused(PlanStatus.INVALID_REQUEST, "the forecasts of " + forecasts.originMonth() + " hold no LSOAs");
    }
    List<Area> areas = new ArrayList<>(forecasts.size());
    List<String> missing = new ArrayList<>();
    for (String code : forecasts.predicted().keySet()) {
      Area a = profiles.get(code);
      if (a == null) {
        missing.add(code);
      } else {
        areas.add(a);
      }
    }
    if (!missing.isEmpty()) {
      throw new PlanRefused(PlanStatus.INVALID_REQUEST, missing.size() + " forecast LSOAs have no reference profile, e.g. "
          + String.join(", ", missing.subList(0, Math.min(5, missing.size()))));
    }
    try {
      return AreaUniverse.of(areas);
    } catch (IllegalArgumentException e) {
      throw new PlanRefused(PlanStatus.INVALID_REQUEST, "reference data: " + e.getMessage());
    }
  }

  private List<MonthSolution> solveAll(List<MonthProblem> problems) {
    List<Future<MonthSolution>> futures = new ArrayList<>();
    for (MonthProblem p : problems) {
      futures.add(months.submit(() -> solver.solve(p)));
    }
    List<MonthSolution> out = new ArrayList<>();
    try {
      for (Future<MonthSolution> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while solving", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
    return out;
  }

  private static AllocationPlan assemble(PlanRequest request, AreaUniverse u, List<MonthProblem> problems,
      List<MonthSolution> solutions, PlanHours previous, long solveMillis) {
    int months = problems.size();
    List<int[]> blocks = solutions.stream().map(MonthSolution::blocks).toList();
    List<LsoaAllocation> lsoas = new ArrayList<>(u.size());
    double[][] wardHours = new double[u.wards()][months];
    double[][] wardForecast = new double[u.wards()][months];
    for (int i = 0; i < u.size(); i++) {
      Area a = u.area(i);
      List<Double> hours = new ArrayList<>(months);
      List<Double> forecast = new ArrayList<>(months);
      List<Double> min = new ArrayList<>(months);
      List<Double> max = new ArrayList<>(months);
      for (int m = 0; m < months; m++) {
        MonthProblem p = problems.get(m);
        double b = p.blockHours();
        double h = blocks.get(m)[i] * b;
        hours.add(h);
        forecast.add(p.forecast(i));
        min.add(p.lo(i) * b);
        max.add(p.hi(i) * b);
        wardHours[u.wardOf(i)][m] += h;
        wardForecast[u.wardOf(i)][m] += p.forecast(i);
      }
      lsoas.add(LsoaAllocation.newBuilder().setLsoa21cd(a.lsoa21cd()).setWardCode(a.wardCode()).setBoroughCode(a.boroughCode())
          .setHours(hours).setForecast(forecast).setMinHours(min).setMaxHours(max).build());
    }
    FairnessFigures figures = new FairnessFigures(problems, blocks);
    List<WardAllocation> wards = new ArrayList<>(u.wards());
    for (int w = 0; w < u.wards(); w++) {
      List<Double> hours = new ArrayList<>(months);
      List<Double> forecast = new ArrayList<>(months);
      List<Double> floor = new ArrayList<>(months);
      for (int m = 0; m < months; m++) {
        hours.add(wardHours[w][m]);
        forecast.add(wardForecast[w][m]);
        floor.add(problems.get(m).wardFloorHours(w));
      }
      double share = figures.hoursToPopulationShare(w);
      wards.add(WardAllocation.newBuilder().setWardCode(u.wardCode(w)).setWardName(u.wardName(w))
          .setBoroughCode(u.boroughCode(u.boroughOfWard(w))).setPopulation((int) u.wardPopulation(w))
          .setHours(hours).setForecast(forecast).setFloorHours(floor)
          .setHoursToPopulationShare(Double.isNaN(share) ? 0 : share).build());
    }
    double objective = 0;
    double bound = 0;
    List<String> binding = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      objective += solutions.get(m).objective();
      bound += solutions.get(m).bestBound();
      binding.addAll(BindingConstraints.of(problems.get(m), blocks.get(m)));
    }
    double gap = bound <= objective ? 0 : (bound - objective) / Math.max(Math.abs(objective), 1e-300);
    AllocationPlan plan = base(request)
        .setStatus(PlanStatus.OPTIMAL)
        .setLsoas(lsoas)
        .setWards(wards)
        .setObjective(objective)
        .setBestBound(bound)
        .setGap(gap)
        .setSolveMillis(solveMillis)
        .setSolver(solverSummary(solutions))
        .setBindingConstraints(binding)
        .setFairness(figures.fairness())
        .build();
    plan.setChange(PlanDifference.between(previous, plan));
    return plan;
  }

  private static String solverSummary(List<MonthSolution> solutions) {
    int rounds = 0;
    long columns = 0;
    long full = 0;
    java.util.Set<String> methods = new java.util.TreeSet<>();
    for (MonthSolution s : solutions) {
      rounds = Math.max(rounds, s.rounds());
      columns += s.columns();
      full += s.fullColumns();
      methods.add(s.method());
    }
    return String.format(java.util.Locale.ROOT,
        "%s (delta formulation, one LP per month, at most %d round%s, %,d of %,d block columns); optimal by Lagrangian dual bound",
        String.join(" / ", methods), rounds, rounds == 1 ? "" : "s", columns, full);
  }

  private static AllocationPlan.Builder base(PlanRequest request) {
    AllocationSettings s = request.settings();
    ForecastSet f = request.forecasts();
    List<String> months = new ArrayList<>();
    String originMonth = f == null ? "" : f.originMonth();
    if (f != null) {
      int horizon = Math.max(0, Math.min(s.horizonMonths(), AllocationSettings.MAX_HORIZON));
      YearMonth origin = Months.parse(f.originMonth());
      for (int m = 1; m <= horizon; m++) {
        months.add(Months.format(origin.plusMonths(m)));
      }
    }
    return AllocationPlan.newBuilder()
        .setPlanId(request.planId())
        .setKind(request.kind())
        .setRequestId(request.requestId())
        .setOriginMonth(originMonth)
        .setMonths(months)
        .setParameters(s.toParameters())
        .setForecastModelVersion(f == null ? "" : f.modelVersion())
        .setDataMonth(originMonth)
        .setDataRevision(f == null ? 0 : f.dataRevision())
        .setCreatedAt(request.createdAt());
  }

  /**
   * A refusal record: status and message, no hours (the request's forecasts may be null when there
   * are none to plan from).
   */
  public static AllocationPlan refusal(PlanRequest request, PlanStatus status, String message) {
    return refusal(request, status, message, System.nanoTime());
  }

  private static AllocationPlan refusal(PlanRequest request, PlanStatus status, String message, long started) {
    return base(request)
        .setStatus(status)
        .setMessage(message)
        .setLsoas(List.of())
        .setWards(List.of())
        .setObjective(0)
        .setBestBound(0)
        .setGap(0)
        .setSolveMillis((System.nanoTime() - started) / 1_000_000)
        .setSolver("none: refused before a plan was published")
        .setBindingConstraints(List.of())
        .setFairness(null)
        .setChange(null)
        .build();
  }

  @Override
  public void close() {
    months.shutdownNow();
  }
}
