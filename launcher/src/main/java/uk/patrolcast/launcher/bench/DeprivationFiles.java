package uk.patrolcast.launcher.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The English Indices of Deprivation 2019 for the universe's 2011 LSOAs, in the columns of the
 * shared London extract (and its sub-domains file). Domain scores follow each area's latent
 * deprivation (income and employment most closely, living environment least, as in the real
 * indices), urbanity, and for the crime domain the same spatial crime field that drives the
 * records, so the crime score correlates with recorded crime. Ranks are over the universe
 * (1 = most deprived), deciles from the ranks.
 */
final class DeprivationFiles {
  private DeprivationFiles() {}

  /** Scores of one 2011 LSOA, in column order. */
  private record Scores(double[] domains, double[] subdomains, int[] population) {}

  static void write(Universe u, Path root) {
    List<Lsoa2011> areas = u.lsoas2011;
    List<Scores> scores = new ArrayList<>();
    for (Lsoa2011 p : areas) {
      scores.add(scores(u, p));
    }
    table(root, DataFile.IOD, areas, scores.stream().map(Scores::domains).toList(), scores.stream().map(Scores::population).toList());
    table(root, DataFile.IOD_SUBDOMAINS, areas, scores.stream().map(Scores::subdomains).toList(), null);
  }

  /** One row per 2011 LSOA: its keys, then score, rank and decile of each column, then the extra columns. */
  private static void table(Path root, DataFile file, List<Lsoa2011> areas, List<double[]> scores, List<int[]> extra) {
    int n = areas.size();
    int[][] ranks = ranks(scores, scores.get(0).length);
    try (CsvWriter csv = new CsvWriter(root, file)) {
      for (int i = 0; i < n; i++) {
        Lsoa2011 p = areas.get(i);
        List<Object> row = new ArrayList<>(List.of(p.code, p.name, p.lad.code, p.lad.name));
        double[] d = scores.get(i);
        for (int k = 0; k < d.length; k++) {
          row.add(Numbers.fixed(d[k], 3));
          row.add(ranks[k][i]);
          row.add(decile(ranks[k][i], n));
        }
        if (extra != null) {
          for (int v : extra.get(i)) {
            row.add(v);
          }
        }
        csv.row(row.toArray());
      }
    }
  }

  private static Scores scores(Universe u, Lsoa2011 p) {
    double dep = p.mean(l -> l.deprivation);
    double urb = p.mean(l -> l.urbanity);
    double field = p.mean(l -> l.crimeField);
    SplittableRandom rng = Seeds.random(u.options.seed(), Seeds.label("iod"), p.code.hashCode());
    double[] e = new double[16];
    for (int i = 0; i < e.length; i++) {
      e[i] = Seeds.gaussian(rng);
    }
    double income = clamp(logistic(-1.85 + 0.75 * dep + 0.15 * e[0]), 0.005, 0.65);
    double employment = clamp(logistic(-2.35 + 0.62 * dep + 0.15 * e[1]), 0.003, 0.5);
    double education = Math.max(0.013, 13 + 9.5 * dep + 4 * e[2]);
    double health = -0.35 + 0.75 * dep + 0.35 * e[3];
    double crime = 0.25 + 0.35 * dep + 0.55 * field + 0.15 * urb + 0.25 * e[4];
    double barriers = Math.max(1, 22 + 5 * dep + 7 * urb + 5 * e[5]);
    double living = Math.max(1, 20 + 4 * dep + 8 * urb + 6 * e[6]);
    double idaci = clamp(logistic(-1.65 + 0.8 * dep + 0.15 * e[7]), 0.004, 0.7);
    double idaopi = clamp(logistic(-1.3 + 0.7 * dep + 0.15 * e[8]), 0.01, 0.85);
    double imd = clamp(Math.exp(2.9 + 0.55 * dep + 0.1 * e[9]), 0.5, 92);
    double[] domains = {imd, income, employment, education, health, crime, barriers, living, idaci, idaopi};
    double[] subdomains = {
      -0.1 + 0.6 * dep + 0.3 * e[10],
      clamp(0.2 + 0.1 * dep + 0.05 * e[11], 0.01, 0.7),
      -0.5 - 0.6 * urb + 0.4 * e[12],
      1 + 1.5 * dep + 1.2 * urb + e[13],
      0.6 * dep + 0.6 * e[14],
      0.2 + 0.8 * urb + 0.3 * dep + 0.4 * e[15]};
    int total = (int) Math.round(p.population2011 * 1.03);
    int children = (int) Math.round(total * clamp(0.19 + 0.03 * dep + 0.02 * e[2], 0.08, 0.35));
    int older = (int) Math.round(total * clamp(0.22 - 0.05 * urb - 0.02 * dep + 0.03 * e[3], 0.04, 0.45));
    int middle = total - children - older;
    int workingAge = (int) Math.round(middle * 0.97 + older * 0.08);
    return new Scores(domains, subdomains, new int[] {total, children, middle, older, workingAge});
  }

  /** [column][area] ranks, 1 for the highest score (most deprived); ties by file order. */
  private static int[][] ranks(List<double[]> scores, int columns) {
    int n = scores.size();
    int[][] out = new int[columns][n];
    for (int k = 0; k < columns; k++) {
      int col = k;
      Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores.get(i)[col]).thenComparingInt(i -> i));
      for (int r = 0; r < n; r++) {
        out[k][order[r]] = r + 1;
      }
    }
    return out;
  }

  static int decile(int rank, int n) {
    return Math.max(1, Math.min(10, (int) Math.ceil(10.0 * rank / n)));
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
