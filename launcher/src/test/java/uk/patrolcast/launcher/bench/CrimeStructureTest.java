package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure real crime data has, measured on the generated files (and, for properties that
 * need the model's expectation, on the simulated counts): seasonality, trend, spatial clustering,
 * over-dispersion, near-repeat victimisation, force differences, and deprivation that goes with crime.
 */
class CrimeStructureTest {
  private static Path dir;
  private static List<GeneratedFixture.Row> rows;
  /** Burglaries per 2021 LSOA over all months (located rows, each crime once per month). */
  private static Map<String, Integer> burglaries;
  private static Map<String, Integer> population;
  private static Universe universe;
  private static ExecutorService pool;

  @BeforeAll
  static void read() {
    dir = GeneratedFixture.directory();
    rows = new ArrayList<>();
    GeneratedFixture.policeFiles(dir).values().forEach(f -> rows.addAll(GeneratedFixture.rows(f)));
    population = new HashMap<>();
    for (List<String> r : PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.UNIVERSE.path)))) {
      population.put(r.get(0), Integer.parseInt(r.get(7)));
    }
    Map<String, Path2D> shapes = GeneratedFixture.lsoaShapes(dir);
    Map<String, List<String>> children = new HashMap<>();
    for (List<String> r : PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.EXACT_FIT.path)))) {
      children.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r.get(2));
    }
    burglaries = new HashMap<>();
    population.keySet().forEach(c -> burglaries.put(c, 0));
    Map<String, Set<String>> seenIds = new HashMap<>();
    for (GeneratedFixture.Row r : rows) {
      if (!r.crimeType().equals("Burglary") || !r.located()
          || !seenIds.computeIfAbsent(r.month(), m -> new java.util.HashSet<>()).add(r.crimeId())) {
        continue;
      }
      String code = r.lsoaCode();
      if (!population.containsKey(code)) {
        double lon = Double.parseDouble(r.lon());
        double lat = Double.parseDouble(r.lat());
        code = children.get(code).stream().filter(k -> shapes.get(k).contains(lon, lat)).findFirst().orElseThrow();
      }
      burglaries.merge(code, 1, Integer::sum);
    }
    universe = UniverseBuilder.build(GeneratedFixture.OPTIONS);
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  private static double perCalendarMonth(String type, int... calendarMonths) {
    long n = 0;
    Set<String> months = new java.util.HashSet<>();
    for (GeneratedFixture.Row r : rows) {
      int m = Integer.parseInt(r.month().substring(5));
      for (int c : calendarMonths) {
        if (m == c) {
          months.add(r.month());
          if (r.crimeType().equals(type)) {
            n++;
          }
        }
      }
    }
    return n / (double) months.size();
  }

  @Test
  void burglaryPeaksInWinterAndAntiSocialBehaviourInSummer() {
    double winter = perCalendarMonth("Burglary", 12, 1, 2);
    double summer = perCalendarMonth("Burglary", 6, 7, 8);
    // London's real ratio (2012-2019 police.uk) is 1.15; the near-repeat lag damps the model's swing a little.
    assertThat(winter / summer).isGreaterThan(1.05);
    double asbSummer = perCalendarMonth("Anti-social behaviour", 6, 7, 8);
    double asbWinter = perCalendarMonth("Anti-social behaviour", 12, 1, 2);
    assertThat(asbSummer / asbWinter).isGreaterThan(1.1);
  }

  @Test
  void violenceRisesAndAntiSocialBehaviourFallsOverTheYears() {
    assertThat(yearOnYear("Violence and sexual offences")).isGreaterThan(1.03);
    assertThat(yearOnYear("Anti-social behaviour")).isLessThan(0.97);
  }

  private static double yearOnYear(String type) {
    String split = GeneratedFixture.OPTIONS.month(12).toString();
    long first = rows.stream().filter(r -> r.crimeType().equals(type) && r.month().compareTo(split) < 0).count();
    long second = rows.stream().filter(r -> r.crimeType().equals(type) && r.month().compareTo(split) >= 0).count();
    return second / (double) first;
  }

  /** Moran's I of burglary rates over LSOAs sharing a boundary: clearly positive, and near zero once the rates are shuffled. */
  @Test
  void burglaryRatesClusterInSpace() {
    Map<String, Set<String>> neighbours = GeographyTest.sharedEdges(dir);
    List<String> codes = new ArrayList<>(population.keySet());
    Collections.sort(codes);
    Map<String, Double> rate = new HashMap<>();
    for (String c : codes) {
      rate.put(c, burglaries.get(c) * 1000.0 / population.get(c));
    }
    double observed = moransI(codes, rate, neighbours);
    assertThat(observed).isGreaterThan(0.2);
    List<Double> shuffled = new ArrayList<>(rate.values());
    Collections.shuffle(shuffled, new Random(1));
    Map<String, Double> random = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      random.put(codes.get(i), shuffled.get(i));
    }
    assertThat(Math.abs(moransI(codes, random, neighbours))).isLessThan(0.1);
  }

  static double moransI(List<String> codes, Map<String, Double> x, Map<String, Set<String>> neighbours) {
    double mean = codes.stream().mapToDouble(x::get).average().orElse(0);
    double num = 0;
    double den = 0;
    double weights = 0;
    for (String i : codes) {
      double di = x.get(i) - mean;
      den += di * di;
      for (String j : neighbours.getOrDefault(i, Set.of())) {
        num += di * (x.get(j) - mean);
        weights++;
      }
    }
    return codes.size() / weights * num / den;
  }

  /** IoD's crime domain follows the same spatial field as recorded burglary. */
  @Test
  void deprivationCrimeScoreGoesWithBurglaryRates() {
    List<double[]> pairs = new ArrayList<>();
    for (List<String> r : PoliceRecordsTest.tail(GeneratedFixture.csv(dir.resolve(DataFile.IOD.path)))) {
      String code = r.get(0);
      if (population.containsKey(code)) {
        pairs.add(new double[] {Double.parseDouble(r.get(19)), burglaries.get(code) / (double) population.get(code)});
      }
    }
    assertThat(spearman(pairs)).isGreaterThan(0.3);
  }

  static double spearman(List<double[]> pairs) {
    double[] a = ranks(pairs.stream().mapToDouble(p -> p[0]).toArray());
    double[] b = ranks(pairs.stream().mapToDouble(p -> p[1]).toArray());
    double ma = java.util.Arrays.stream(a).average().orElse(0);
    double mb = java.util.Arrays.stream(b).average().orElse(0);
    double num = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      num += (a[i] - ma) * (b[i] - mb);
      va += (a[i] - ma) * (a[i] - ma);
      vb += (b[i] - mb) * (b[i] - mb);
    }
    return num / Math.sqrt(va * vb);
  }

  private static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[order[i]] = i;
    }
    return r;
  }

  @Test
  void forcesDifferInTheirBurglaryRates() {
    Map<String, double[]> byForce = new HashMap<>();
    for (Lsoa l : universe.lsoas) {
      double[] acc = byForce.computeIfAbsent(l.force().slug(), k -> new double[2]);
      acc[0] += burglaries.get(l.code);
      acc[1] += l.population;
    }
    List<Double> rates = byForce.values().stream().map(a -> a[0] / a[1]).sorted().toList();
    assertThat(rates.get(rates.size() - 1) / rates.get(0)).isGreaterThan(1.15);
  }

  /** Counts vary more than Poisson around the model's expectation: negative binomial over-dispersion. */
  @Test
  void countsAreOverDispersed() {
    CrimeModel model = new CrimeModel(universe);
    CrimeCounts counts = CrimeCounts.simulate(universe, model, NearRepeat.NONE, pool);
    for (CrimeType type : new CrimeType[] {CrimeType.BURGLARY, CrimeType.SHOPLIFTING}) {
      double pearson = 0;
      double expectedExcess = 0;
      int n = 0;
      for (int t = 0; t < counts.months(); t++) {
        for (int i = 0; i < counts.lsoaCount(); i++) {
          double mu = model.expected(i, type, t);
          double y = counts.get(t, i, type);
          pearson += (y - mu) * (y - mu) / mu;
          expectedExcess += mu / type.dispersion;
          n++;
        }
      }
      double dispersion = pearson / n;
      assertThat(dispersion).as(type.label).isGreaterThan(1.1);
      // and about as much as the gamma mixing says: 1 + mean/shape
      assertThat(dispersion).as(type.label).isCloseTo(1 + expectedExcess / n, org.assertj.core.data.Offset.offset(0.25 * expectedExcess / n + 0.05));
    }
  }

  /**
   * Near-repeats: a burglary raises the next month's burglaries in its own LSOA and its neighbours.
   * Residuals are correlated from month to month with the self-exciting process, not without it.
   */
  @Test
  void burglaryRaisesTheNextMonthsRateNearby() {
    CrimeModel model = new CrimeModel(universe);
    CrimeCounts with = CrimeCounts.simulate(universe, model, NearRepeat.BURGLARY, pool);
    CrimeCounts without = CrimeCounts.simulate(universe, model, NearRepeat.NONE, pool);
    // 11,500 pairs: a correlation's standard error is about 0.01.
    assertThat(lagCorrelation(with, model, false)).isGreaterThan(0.08);
    assertThat(lagCorrelation(with, model, true)).isGreaterThan(0.03);
    assertThat(Math.abs(lagCorrelation(without, model, false))).isLessThan(0.04);
    assertThat(Math.abs(lagCorrelation(without, model, true))).isLessThan(0.04);
  }

  /** Correlation of this month's burglary residual with last month's, own LSOA or mean of the neighbours. */
  private static double lagCorrelation(CrimeCounts counts, CrimeModel model, boolean neighbours) {
    List<double[]> pairs = new ArrayList<>();
    for (int t = 1; t < counts.months(); t++) {
      for (Lsoa l : universe.lsoas) {
        int i = l.index;
        double before;
        if (neighbours) {
          before = 0;
          for (int j : l.neighbours) {
            before += counts.get(t - 1, j, CrimeType.BURGLARY) - model.expected(j, CrimeType.BURGLARY, t - 1);
          }
          before /= l.neighbours.length;
        } else {
          before = counts.get(t - 1, i, CrimeType.BURGLARY) - model.expected(i, CrimeType.BURGLARY, t - 1);
        }
        pairs.add(new double[] {before, counts.get(t, i, CrimeType.BURGLARY) - model.expected(i, CrimeType.BURGLARY, t)});
      }
    }
    double ma = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double mb = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
    double num = 0;
    double va = 0;
    double vb = 0;
    for (double[] p : pairs) {
      num += (p[0] - ma) * (p[1] - mb);
      va += (p[0] - ma) * (p[0] - ma);
      vb += (p[1] - mb) * (p[1] - mb);
    }
    return num / Math.sqrt(va * vb);
  }
}
