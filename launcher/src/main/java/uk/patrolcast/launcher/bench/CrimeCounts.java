package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Records per LSOA, crime type and month: negative binomial draws around the {@link CrimeModel}'s
 * expectation, burglary with {@link NearRepeat} excitation. Simulated month by month (the
 * excitation of a month needs the counts of the one before), LSOAs in parallel within a month; each
 * LSOA-month draws from its own seeded stream, so the result does not depend on the threads.
 */
final class CrimeCounts {
  private final short[][] counts;
  private final int lsoaCount;

  private CrimeCounts(short[][] counts, int lsoaCount) {
    this.counts = counts;
    this.lsoaCount = lsoaCount;
  }

  int get(int month, int lsoa, CrimeType type) {
    return counts[month][lsoa * CrimeType.COUNT + type.ordinal()];
  }

  int months() {
    return counts.length;
  }

  int lsoaCount() {
    return lsoaCount;
  }

  static CrimeCounts simulate(Universe u, CrimeModel model, NearRepeat nearRepeat, ExecutorService pool) {
    int n = model.lsoaCount();
    int months = model.months();
    long seed = u.options.seed();
    short[][] counts = new short[months][];
    int[][] neighbours = u.lsoas.stream().map(l -> l.neighbours).toArray(int[][]::new);
    double[] excitation = new double[n];
    for (int i = 0; i < n; i++) {
      excitation[i] = nearRepeat.stationary(model.expected(i, CrimeType.BURGLARY, 0));
    }
    int chunk = Math.max(256, n / 64);
    for (int t = 0; t < months; t++) {
      short[] month = new short[n * CrimeType.COUNT];
      int m = t;
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int from = 0; from < n; from += chunk) {
        int a = from;
        int b = Math.min(n, from + chunk);
        tasks.add(() -> {
          for (int i = a; i < b; i++) {
            draw(model, nearRepeat, excitation[i], Seeds.random(seed, Seeds.label("counts"), m, i), i, m, month);
          }
          return null;
        });
      }
      runAll(pool, tasks);
      double[] next = new double[n];
      for (int i = 0; i < n; i++) {
        double around = 0;
        for (int j : neighbours[i]) {
          around += month[j * CrimeType.COUNT + CrimeType.BURGLARY.ordinal()];
        }
        around = neighbours[i].length == 0 ? 0 : around / neighbours[i].length;
        next[i] = nearRepeat.next(excitation[i], month[i * CrimeType.COUNT + CrimeType.BURGLARY.ordinal()], around);
      }
      System.arraycopy(next, 0, excitation, 0, n);
      counts[t] = month;
    }
    return new CrimeCounts(counts, n);
  }

  private static void draw(CrimeModel model, NearRepeat nearRepeat, double excitation, SplittableRandom rng, int lsoa, int month,
      short[] out) {
    for (CrimeType type : CrimeType.ALL) {
      double mean = model.expected(lsoa, type, month);
      if (type == CrimeType.BURGLARY) {
        mean = nearRepeat.rate(mean, excitation);
      }
      int y = CountSampler.negativeBinomial(rng, mean, type.dispersion);
      if (y > Short.MAX_VALUE) {
        throw new IllegalArgumentException("More than " + Short.MAX_VALUE + " records of one type in one LSOA and month: use a smaller --scale");
      }
      out[lsoa * CrimeType.COUNT + type.ordinal()] = (short) y;
    }
  }

  static void runAll(ExecutorService pool, List<? extends Callable<?>> tasks) {
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Callable<?> t : tasks) {
        futures.add(pool.submit(t));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }
}
