package uk.patrolcast.allocator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.plan.AllocationPlanner;
import uk.patrolcast.allocator.plan.AllocationPlanner.PlanRequest;
import uk.patrolcast.allocator.solve.LpAllocationSolver;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.platform.config.DataLayout;

/**
 * Measures the allocator on London (the real 4,994-LSOA universe with forecasts from the recent
 * police.uk records) and on a synthetic England-and-Wales-sized instance (35,000 LSOAs by default):
 * solve time (6 months in parallel), whole planning time (model building, feasibility check,
 * solve, verification of every constraint, figures), the proven gap, LP size, heap and process
 * memory, and a what-if (budget -10%) on London. Run:
 *
 * <pre>
 * mvn -q -pl allocator-service -am verify -DskipTests -Pbench
 * </pre>
 *
 * or {@code java -cp ... uk.patrolcast.allocator.bench.AllocationBenchmark [--data DIR] [--lsoas N]
 * [--repeats N] [--threads N]}.
 */
public final class AllocationBenchmark {
  private AllocationBenchmark() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    Path data = Path.of(options.getOrDefault("--data", System.getProperty("patrolcast.data.dir", "../shared/data")));
    int lsoas = Integer.parseInt(options.getOrDefault("--lsoas", "35000"));
    int repeats = Integer.parseInt(options.getOrDefault("--repeats", "5"));
    int threads = Integer.parseInt(options.getOrDefault("--threads", "2"));
    System.out.printf(Locale.ROOT, "Allocation benchmark: %d cores, load average %.2f, max heap %d MB, %d solver threads%n",
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() >> 20, threads);
    AllocationSettings settings = AllocationSettings.defaults();
    try (AllocationPlanner planner = new AllocationPlanner(new LpAllocationSolver(LpAllocationSolver.Options.defaults()), threads)) {
      DataLayout layout = new DataLayout(data);
      Path universe = layout.lsoaUniverse();
      if (Files.isRegularFile(universe)) {
        List<Area> areas = UniverseCsv.read(universe);
        ForecastSet forecasts = RecentBurglaryForecasts.read(layout.police(), areas, "2024-02");
        String source = "recent police.uk records (" + (forecasts == null ? "none found: synthetic" : forecasts.modelVersion()) + ")";
        if (forecasts == null) {
          forecasts = SyntheticInstance.generate(areas.size(), 1, "2024-02").forecastsFor(areas);
        }
        AllocationPlan plan = run("London", areas, forecasts, source, settings, planner, repeats);
        AllocationSettings fewer = new AllocationSettings(settings.blockHours(), settings.minHoursPerDay(), settings.maxHoursPerDay(),
            settings.maxAreaScale(), settings.budgetHoursPerDayPerLsoa() * 0.9, settings.officersPerPatrol(),
            settings.officerHoursPerMonth(), settings.wardFloorShare(), settings.maxChangeHours(), settings.boroughCaps(),
            settings.wardCaps(), settings.horizonMonths());
        whatIf(areas, forecasts, fewer, plan, planner, repeats);
      } else {
        System.out.println("London: skipped, no universe file at " + universe);
      }
      SyntheticInstance synthetic = SyntheticInstance.generate(lsoas, 42, "2024-02");
      run("Synthetic " + String.format(Locale.ROOT, "%,d", lsoas) + " LSOAs", synthetic.areas(), synthetic.forecasts(),
          "synthetic log-normal (seed 42)", settings, planner, repeats);
    }
  }

  private static AllocationPlan run(String name, List<Area> areas, ForecastSet forecasts, String source,
      AllocationSettings settings, AllocationPlanner planner, int repeats) {
    Map<String, Area> profiles = profiles(areas);
    System.gc();
    resetPeakHeap();
    long heapBefore = usedHeap();
    List<Long> solve = new ArrayList<>();
    List<Long> total = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    AllocationPlan plan = null;
    for (int r = 0; r <= repeats; r++) {
      long cpuStarted = processCpuNanos();
      long started = System.nanoTime();
      plan = planner.plan(new PlanRequest("bench-" + r, PlanKind.CURRENT, null, profiles, forecasts, settings, null, Instant.EPOCH));
      long wall = (System.nanoTime() - started) / 1_000_000;
      if (plan.getStatus() != PlanStatus.OPTIMAL) {
        throw new IllegalStateException(name + ": " + plan.getStatus() + ": " + plan.getMessage());
      }
      if (r == 0) {
        System.out.printf(Locale.ROOT, "%n%s: %,d LSOAs, %,d wards, %d months; forecasts: %s%n", name, areas.size(),
            plan.getWards().size(), plan.getMonths().size(), source);
        System.out.printf(Locale.ROOT, "  first (cold JIT) plan: solve %,d ms, whole plan %,d ms%n", plan.getSolveMillis(), wall);
      } else {
        solve.add(plan.getSolveMillis());
        total.add(wall);
        cpu.add((processCpuNanos() - cpuStarted) / 1_000_000);
      }
    }
    long peakHeap = peakHeap();
    System.out.printf(Locale.ROOT, "  warm, %d runs: solve median %,d ms (max %,d); whole plan incl. verification median %,d ms (max %,d)%n",
        repeats, median(solve), max(solve), median(total), max(total));
    System.out.printf(Locale.ROOT, "  process CPU time per plan: median %,d ms (all threads; load-independent)%n", median(cpu));
    System.out.printf(Locale.ROOT, "  objective %.6f, proven bound %.6f, gap %.2e, status %s%n", plan.getObjective(),
        plan.getBestBound(), plan.getGap(), plan.getStatus());
    System.out.printf(Locale.ROOT, "  solver: %s%n", plan.getSolver());
    System.out.printf(Locale.ROOT, "  binding: %s%n", summary(plan.getBindingConstraints()));
    System.out.printf(Locale.ROOT, "  heap: %,d MB in use before, peak %,d MB while planning; process RSS %,d MB, peak RSS %,d MB%n",
        heapBefore >> 20, peakHeap >> 20, procStatus("VmRSS") >> 10, procStatus("VmHWM") >> 10);
    return plan;
  }

  private static void whatIf(List<Area> areas, ForecastSet forecasts, AllocationSettings settings, AllocationPlan current,
      AllocationPlanner planner, int repeats) {
    Map<String, Area> profiles = profiles(areas);
    List<Long> total = new ArrayList<>();
    AllocationPlan plan = null;
    for (int r = 0; r < repeats; r++) {
      long started = System.nanoTime();
      plan = planner.plan(new PlanRequest("whatif-bench-" + r, PlanKind.WHAT_IF, "bench-" + r, profiles, forecasts, settings,
          current, Instant.EPOCH));
      total.add((System.nanoTime() - started) / 1_000_000);
    }
    System.out.printf(Locale.ROOT, "  what-if budget -10%%: %s, answered in median %,d ms (max %,d); objective %.6f (%.2f%% of the current), "
        + "%,d LSOA-months changed, %,.1f hours moved%n", plan.getStatus(), median(total), max(total), plan.getObjective(),
        100 * plan.getObjective() / current.getObjective(), plan.getChange().getLsoasChanged(), plan.getChange().getHoursMoved());
  }

  private static String summary(List<String> binding) {
    long wardFloors = binding.stream().filter(b -> b.startsWith("ward floor")).count();
    List<String> rest = binding.stream().filter(b -> !b.startsWith("ward floor")).toList();
    return String.join(", ", rest.subList(0, Math.min(8, rest.size()))) + (rest.size() > 8 ? ", ..." : "")
        + "; ward floors binding: " + wardFloors + " ward-months";
  }

  private static Map<String, Area> profiles(List<Area> areas) {
    Map<String, Area> out = new HashMap<>();
    areas.forEach(a -> out.put(a.lsoa21cd(), a));
    return out;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the reset (an upper bound: the pools may peak at different moments). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** A figure of /proc/self/status in kB (0 where there is none). */
  private static long procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("\\D+", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!List.of("--data", "--lsoas", "--repeats", "--threads").contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; options: --data DIR --lsoas N --repeats N --threads N");
      }
      out.put(args[i], args[i + 1]);
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
    }
    return out;
  }
}
