package uk.patrolcast.forecast;

import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.CountHistory;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.model.BoosterParams;
import uk.patrolcast.forecast.model.ModelTrainer;
import uk.patrolcast.forecast.model.ValidationScheme;

/**
 * Small, seeded feature tables for tests: areas on a ring (each touching two neighbours), grouped
 * four to a ward, with Poisson counts around an area rate that depends on its deprivation, a yearly
 * season and a slow trend.
 */
public final class SyntheticData {
  private SyntheticData() {}

  public static final YearMonth FIRST = YearMonth.of(2015, 1);

  public static FeatureTable table(int areas, int months, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] codes = new String[areas];
    String[] wards = new String[areas];
    String[] boroughs = new String[areas];
    int[][] nb = new int[areas][];
    double[][] statics = new double[areas][AreaProfiles.STATIC_FEATURES.size()];
    double[] rate = new double[areas];
    for (int i = 0; i < areas; i++) {
      codes[i] = String.format("E0100%04d", i);
      wards[i] = String.format("E0500%04d", i / 4);
      boroughs[i] = String.format("E0900%04d", i / 16);
      nb[i] = new int[] {(i + areas - 1) % areas, (i + 1) % areas};
      java.util.Arrays.sort(nb[i]);
      double[] s = statics[i];
      s[0] = 1000 + r.nextInt(1500);
      s[1] = 0.05 + r.nextDouble();
      s[2] = s[0] / s[1];
      for (int f = 3; f < s.length; f++) {
        s[f] = r.nextDouble();
      }
      rate[i] = Math.exp(-0.5 + 1.5 * s[8] + 0.5 * s[4]);
    }
    int[][] counts = new int[months][areas];
    for (int m = 0; m < months; m++) {
      double season = 1 + 0.25 * Math.cos(2 * Math.PI * (FIRST.plusMonths(m).getMonthValue() - 1) / 12.0);
      double trend = 1 - 0.003 * m;
      for (int i = 0; i < areas; i++) {
        counts[m][i] = poisson(r, rate[i] * season * trend);
      }
    }
    int[] revisions = new int[months];
    java.util.Arrays.fill(revisions, 1);
    return new FeatureTable(new AreaProfiles(codes, wards, boroughs, nb, statics), new CountHistory(FIRST, counts), revisions);
  }

  /** The same table with every count after {@code last} replaced by other numbers. */
  public static FeatureTable alteredAfter(FeatureTable t, YearMonth last, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CountHistory h = t.counts();
    int[][] counts = new int[h.months()][];
    for (int m = 0; m < h.months(); m++) {
      counts[m] = h.monthCounts(m);
      if (h.month(m).isAfter(last)) {
        for (int i = 0; i < counts[m].length; i++) {
          counts[m][i] = r.nextInt(30);
        }
      }
    }
    int[] revisions = new int[h.months()];
    java.util.Arrays.fill(revisions, 1);
    return new FeatureTable(t.areas(), new CountHistory(h.firstMonth(), counts), revisions);
  }

  /** Quick settings: one short fold, so a training takes about a second. */
  public static ModelTrainer.Settings settings() {
    return new ModelTrainer.Settings(new ValidationScheme(2, 3, 4), 7L, 2, 0.85);
  }

  public static BoosterParams params() {
    return new BoosterParams(BoosterParams.POISSON, 0.1, 3, 5, 0.8, 0.8, 1, 0, 0, 0.7, 1.3, 2, true, false, 60, 64, List.of(), 0, List.of());
  }

  /** A Poisson draw (Knuth's product of uniforms; fine for the small means of these tests). */
  public static int poisson(SplittableRandom r, double mu) {
    double l = Math.exp(-mu);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
