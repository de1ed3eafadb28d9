package uk.patrolcast.console.e2e;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.events.AreaType;
import uk.patrolcast.events.EvaluationKind;
import uk.patrolcast.events.FeatureImportance;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastDriver;
import uk.patrolcast.events.HorizonForecast;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.MethodMetrics;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.ModelRole;
import uk.patrolcast.events.RiskCoefficient;
import uk.patrolcast.events.RiskModel;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.platform.config.Months;

/**
 * Events shaped exactly like the pipeline's, computed simply from the real counts: feature rows,
 * an OLS risk score, forecasts from a fixed blend of recent means (with Poisson intervals and
 * pseudo-SHAP drivers), and a real backtest of that blend against the baselines. Deterministic.
 */
final class FixtureModels {
  static final String MODEL = "fixture-blend-v1";
  static final String RISK_MODEL = "fixture-risk-ols-v1";
  static final Instant AT = Instant.parse("2024-03-15T09:00:00Z");
  static final String[] DRIVERS = {"lag1", "mean3", "mean12", "lag12", "nbrMean12", "imd", "crime", "flats", "privateRented"};
  static final double[] WEIGHTS = {0.05, 0.10, 0.25, 0.05, 0.08, 0.03, 0.04, 0.02, 0.02};

  private final LondonData d;
  private final int n;

  FixtureModels(LondonData d) {
    this.d = d;
    this.n = d.codes.size();
  }

  /** Count of an area in month index m, or -1 before the data. */
  int count(int m, int a) {
    return m < 0 || m >= d.months.size() ? -1 : d.counts[m][a];
  }

  Double mean(int m, int a, int window) {
    if (m - window + 1 < 0) {
      return null;
    }
    double s = 0;
    for (int k = m - window + 1; k <= m; k++) {
      s += d.counts[k][a];
    }
    return s / window;
  }

  LsoaMonthFeatures features(int m, int a, Double logRisk) {
    LondonData.Area area = d.areas.get(d.codes.get(a));
    YearMonth month = Months.parse(d.months.get(m));
    Integer sinceLast = null;
    for (int k = m; k >= 0; k--) {
      if (d.counts[k][a] > 0) {
        sinceLast = m - k;
        break;
      }
    }
    Double m3 = mean(m, a, 3);
    Double m6 = mean(m, a, 6);
    return LsoaMonthFeatures.newBuilder()
        .setLsoa21cd(area.code).setMonth(d.months.get(m)).setWardCode(area.wardCode).setBoroughCode(area.boroughCode)
        .setCount(d.counts[m][a]).setHistory(m + 1)
        .setLag1(lag(m, a, 0)).setLag2(lag(m, a, 1)).setLag3(lag(m, a, 2)).setLag6(lag(m, a, 5)).setLag12(lag(m, a, 11))
        .setMean3(m3).setMean6(m6).setMean12(mean(m, a, 12)).setMean24(mean(m, a, 24))
        .setTrend3(m3 == null || m6 == null ? null : m3 - (m6 * 6 - m3 * 3) / 3)
        .setMonthsSinceLast(sinceLast).setMonthOfYear(month.getMonthValue())
        .setNeighbourCount(area.neighbours.size())
        .setNbrLag1(nbr(area, k -> lagD(m, k, 0))).setNbrLag2(nbr(area, k -> lagD(m, k, 1)))
        .setNbrLag3(nbr(area, k -> lagD(m, k, 2))).setNbrLag6(nbr(area, k -> lagD(m, k, 5)))
        .setNbrLag12(nbr(area, k -> lagD(m, k, 11))).setNbrMean3(nbr(area, k -> mean(m, k, 3)))
        .setNbrMean6(nbr(area, k -> mean(m, k, 6))).setNbrMean12(nbr(area, k -> mean(m, k, 12)))
        .setNbrMean24(nbr(area, k -> mean(m, k, 24)))
        .setPopulation(area.population).setAreaKm2(area.areaKm2).setDensity(area.population / area.areaKm2)
        .setImd(area.iod[0]).setIncome(area.iod[1]).setEmployment(area.iod[2]).setEducation(area.iod[3])
        .setHealth(area.iod[4]).setCrime(area.iod[5]).setHousingBarriers(area.iod[6]).setLivingEnvironment(area.iod[7])
        .setOwned(area.census[0]).setSocialRented(area.census[1]).setPrivateRented(area.census[2]).setFlats(area.census[3])
        .setDetached(area.census[4]).setOvercrowded(area.census[7]).setStudents(area.census[11])
        .setLogRiskScore(logRisk).setMonthRevision(1).setSnapshotRevision(1)
        .build();
  }

  private Integer lag(int m, int a, int back) {
    int c = count(m - back, a);
    return c < 0 ? null : c;
  }

  private Double lagD(int m, int a, int back) {
    int c = count(m - back, a);
    return c < 0 ? null : (double) c;
  }

  private Double nbr(LondonData.Area area, java.util.function.IntFunction<Double> value) {
    double s = 0;
    int k = 0;
    for (String code : area.neighbours) {
      Double v = value.apply(d.index.get(code));
      if (v == null) {
        return null;
      }
      s += v;
      k++;
    }
    return k == 0 ? null : s / k;
  }

  // ---- forecasts ----

  /** The blend's prediction for target month index t made at origin month index o (o < t). */
  double predict(int o, int t, int a) {
    double m12 = mean(o, a, 12);
    double m3 = mean(o, a, 3);
    int lastYear = t - 12 <= o ? count(t - 12, a) : -1;
    return 0.5 * m12 + 0.3 * m3 + 0.2 * (lastYear >= 0 ? lastYear : m12);
  }

  Forecast lsoaForecast(int o, int a) {
    LondonData.Area area = d.areas.get(d.codes.get(a));
    YearMonth origin = Months.parse(d.months.get(o));
    List<HorizonForecast> horizons = new ArrayList<>();
    for (int h = 1; h <= 12; h++) {
      double mu = predict(o, o + h, a);
      horizons.add(HorizonForecast.newBuilder().setHorizon(h).setTargetMonth(Months.format(origin.plusMonths(h)))
          .setPredicted(round(mu)).setLower80(poissonQuantile(mu, 0.1)).setUpper80(poissonQuantile(mu, 0.9)).build());
    }
    return Forecast.newBuilder().setAreaType(AreaType.LSOA).setAreaCode(area.code).setWardCode(area.wardCode)
        .setBoroughCode(area.boroughCode).setOriginMonth(d.months.get(o)).setDataRevision(1).setModelVersion(MODEL)
        .setHorizons(horizons).setDrivers(drivers(o, a)).setIntervalMethod("Poisson 10th and 90th percentiles of the blend")
        .setCreatedAt(AT).build();
  }

  /** Ward forecasts: sums of their LSOAs, with a normal interval from the summed Poisson variances. */
  List<Forecast> wardForecasts(int o) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, String> borough = new LinkedHashMap<>();
    for (int a = 0; a < n; a++) {
      LondonData.Area area = d.areas.get(d.codes.get(a));
      double[] s = sums.computeIfAbsent(area.wardCode, k -> new double[12]);
      borough.putIfAbsent(area.wardCode, area.boroughCode);
      for (int h = 1; h <= 12; h++) {
        s[h - 1] += predict(o, o + h, a);
      }
    }
    YearMonth origin = Months.parse(d.months.get(o));
    List<Forecast> out = new ArrayList<>();
    sums.forEach((ward, s) -> {
      List<HorizonForecast> horizons = new ArrayList<>();
      for (int h = 1; h <= 12; h++) {
        double mu = s[h - 1];
        double half = 1.2816 * Math.sqrt(mu);
        horizons.add(HorizonForecast.newBuilder().setHorizon(h).setTargetMonth(Months.format(origin.plusMonths(h)))
            .setPredicted(round(mu)).setLower80(round(Math.max(0, mu - half))).setUpper80(round(mu + half)).build());
      }
      out.add(Forecast.newBuilder().setAreaType(AreaType.WARD).setAreaCode(ward).setWardCode(ward)
          .setBoroughCode(borough.get(ward)).setOriginMonth(d.months.get(o)).setDataRevision(1).setModelVersion(MODEL)
          .setHorizons(horizons).setDrivers(List.of()).setIntervalMethod("normal approximation of summed Poisson variances")
          .setCreatedAt(AT).build());
    });
    return out;
  }

  private double[][] driverStats;
  private int driverStatsOrigin = -1;

  /** Pseudo-SHAP: a fixed weight times the feature's z-score across London at the origin. */
  private List<ForecastDriver> drivers(int o, int a) {
    if (driverStatsOrigin != o) {
      driverStats = new double[DRIVERS.length][2];
      double[][] values = new double[DRIVERS.length][n];
      for (int k = 0; k < n; k++) {
        double[] v = driverValues(o, k);
        for (int f = 0; f < DRIVERS.length; f++) {
          values[f][k] = v[f];
        }
      }
      for (int f = 0; f < DRIVERS.length; f++) {
        double mean = Arrays.stream(values[f]).average().orElse(0);
        double var = Arrays.stream(values[f]).map(x -> (x - mean) * (x - mean)).average().orElse(0);
        driverStats[f] = new double[] {mean, Math.sqrt(var)};
      }
      driverStatsOrigin = o;
    }
    double[] v = driverValues(o, a);
    List<ForecastDriver> out = new ArrayList<>();
    for (int f = 0; f < DRIVERS.length; f++) {
      double z = driverStats[f][1] == 0 ? 0 : (v[f] - driverStats[f][0]) / driverStats[f][1];
      out.add(ForecastDriver.newBuilder().setFeature(DRIVERS[f]).setValue(round(v[f])).setContribution(round(WEIGHTS[f] * z)).build());
    }
    out.sort(Comparator.comparingDouble((ForecastDriver x) -> -Math.abs(x.getContribution())).thenComparing(ForecastDriver::getFeature));
    return out.subList(0, 6);
  }

  private double[] driverValues(int o, int a) {
    LondonData.Area area = d.areas.get(d.codes.get(a));
    Double nbr = nbr(area, k -> mean(o, k, 12));
    return new double[] {count(o, a), mean(o, a, 3), mean(o, a, 12), Math.max(0, count(o - 11, a)), nbr == null ? 0 : nbr,
        area.iod[0], area.iod[5], area.census[3], area.census[2]};
  }

  // ---- risk ----

  /** OLS of log burglaries per 1,000 residents (last 12 months) on four IoD domains. */
  RiskFit risk() {
    int last = d.months.size() - 1;
    String[] terms = {"intercept", "imd", "crime", "income", "livingEnvironment"};
    int[] iod = {-1, 0, 5, 1, 7};
    double[][] x = new double[n][terms.length];
    double[] y = new double[n];
    double[] observed = new double[n];
    for (int a = 0; a < n; a++) {
      LondonData.Area area = d.areas.get(d.codes.get(a));
      double c = mean(last, a, 12) * 12;
      observed[a] = c * 1000.0 / area.population;
      y[a] = Math.log((c + 0.5) * 1000.0 / area.population);
      for (int t = 0; t < terms.length; t++) {
        x[a][t] = iod[t] < 0 ? 1 : area.iod[iod[t]];
      }
    }
    Ols ols = Ols.fit(x, y);
    List<RiskCoefficient> coefficients = new ArrayList<>();
    for (int t = 0; t < terms.length; t++) {
      double tv = ols.beta[t] / ols.se[t];
      coefficients.add(RiskCoefficient.newBuilder().setTerm(terms[t]).setEstimate(ols.beta[t]).setStdError(ols.se[t])
          .setTValue(tv).setPValue(2 * (1 - Ols.normalCdf(Math.abs(tv)))).build());
    }
    RiskModel model = RiskModel.newBuilder().setModelVersion(RISK_MODEL).setDataFrom(d.months.get(Math.max(0, last - 11)))
        .setDataMonth(d.months.get(last)).setObservations(n).setR2(ols.r2).setAdjustedR2(ols.adjustedR2)
        .setResidualStdError(ols.sigma).setCoefficients(coefficients).setCreatedAt(AT).build();
    List<RiskScore> scores = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      double fitted = 0;
      for (int t = 0; t < terms.length; t++) {
        fitted += ols.beta[t] * x[a][t];
      }
      scores.add(RiskScore.newBuilder().setLsoa21cd(d.codes.get(a)).setLogRiskScore(fitted).setExpRiskScore(Math.exp(fitted))
          .setObservedRate(observed[a]).setModelVersion(RISK_MODEL).setDataMonth(d.months.get(last)).build());
    }
    return new RiskFit(model, scores);
  }

  record RiskFit(RiskModel model, List<RiskScore> scores) {}

  // ---- evaluation ----

  /** A backtest of the blend and the baselines on the three target months ending at month index {@code end}. */
  ModelEvaluation evaluation(int end) {
    String[] methods = {"model", "last_month", "same_month_last_year", "mean_3", "mean_12"};
    List<MethodMetrics> metrics = new ArrayList<>();
    for (String method : methods) {
      List<double[]> pred = new ArrayList<>();
      List<double[]> actual = new ArrayList<>();
      int covered = 0;
      int scored = 0;
      for (int t = end - 2; t <= end; t++) {
        double[] p = new double[n];
        double[] y = new double[n];
        for (int a = 0; a < n; a++) {
          y[a] = d.counts[t][a];
          p[a] = switch (method) {
            case "model" -> predict(t - 1, t, a);
            case "last_month" -> count(t - 1, a);
            case "same_month_last_year" -> count(t - 12, a);
            case "mean_3" -> mean(t - 1, a, 3);
            default -> mean(t - 1, a, 12);
          };
          if (method.equals("model")) {
            scored++;
            if (y[a] >= poissonQuantile(p[a], 0.1) && y[a] <= poissonQuantile(p[a], 0.9)) {
              covered++;
            }
          }
        }
        pred.add(p);
        actual.add(y);
      }
      metrics.add(Metrics.of(method, pred, actual, method.equals("model") ? (double) covered / scored : null));
    }
    List<FeatureImportance> importances = new ArrayList<>();
    for (int f = 0; f < DRIVERS.length; f++) {
      importances.add(FeatureImportance.newBuilder().setFeature(DRIVERS[f]).setMeanAbsShap(round(WEIGHTS[f] * 0.8)).setGain(0).build());
    }
    importances.sort(Comparator.comparingDouble(FeatureImportance::getMeanAbsShap).reversed());
    return ModelEvaluation.newBuilder().setModelVersion(MODEL).setKind(EvaluationKind.BACKTEST).setRole(ModelRole.CHAMPION)
        .setObjective("fixture: 0.5 mean12 + 0.3 mean3 + 0.2 same month last year").setTrainFrom(d.months.get(0))
        .setTrainUntil(d.months.get(end - 3)).setWindowFrom(d.months.get(end - 2)).setWindowTo(d.months.get(end))
        .setParameters(Map.of("blend", "0.5/0.3/0.2")).setMetrics(metrics).setImportances(importances).setCreatedAt(AT).build();
  }

  static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  /** Smallest k with P(X <= k) >= q for X ~ Poisson(mu). */
  static double poissonQuantile(double mu, double q) {
    if (mu <= 0) {
      return 0;
    }
    double p = Math.exp(-mu);
    double cdf = p;
    int k = 0;
    while (cdf < q && k < 10_000) {
      k++;
      p *= mu / k;
      cdf += p;
    }
    return k;
  }
}
