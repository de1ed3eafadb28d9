package uk.patrolcast.forecast.kafka;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import uk.patrolcast.events.AreaType;
import uk.patrolcast.events.EvaluationKind;
import uk.patrolcast.events.FeatureImportance;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastDriver;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.HorizonForecast;
import uk.patrolcast.events.MethodMetrics;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.ModelRole;
import uk.patrolcast.events.RiskCoefficient;
import uk.patrolcast.events.RiskModel;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.eval.MetricValues;
import uk.patrolcast.forecast.model.ForecastSet;
import uk.patrolcast.forecast.model.IntervalModel;
import uk.patrolcast.forecast.model.TrainedModel;
import uk.patrolcast.forecast.risk.RiskFit;
import uk.patrolcast.platform.config.Months;

/** The forecast service's Avro records, built from the plain model objects. */
public final class ForecastRecords {
  private ForecastRecords() {}

  /** {@code <area>:<origin>}, the key of both forecast topics. */
  public static String forecastKey(String area, YearMonth origin) {
    return area + ":" + Months.format(origin);
  }

  public static List<Forecast> lsoaForecasts(ForecastSet set, Instant now) {
    AreaProfiles areas = set.areas();
    List<Forecast> out = new ArrayList<>(areas.size());
    for (int i = 0; i < areas.size(); i++) {
      List<ForecastDriver> drivers = new ArrayList<>();
      for (ForecastSet.Driver d : set.drivers().get(i)) {
        drivers.add(new ForecastDriver(d.feature(), Double.isNaN(d.value()) ? null : d.value(), d.contribution()));
      }
      out.add(forecast(set, AreaType.LSOA, areas.code(i), areas.ward(i), areas.borough(i), i, set.mean(), set.lower(), set.upper(), drivers,
          now));
    }
    return out;
  }

  public static List<Forecast> wardForecasts(ForecastSet set, Instant now) {
    AreaProfiles.WardIndex wards = set.wards();
    List<Forecast> out = new ArrayList<>(wards.size());
    for (int w = 0; w < wards.size(); w++) {
      out.add(forecast(set, AreaType.WARD, wards.codes()[w], wards.codes()[w], wards.boroughs()[w], w, set.wardMean(), set.wardLower(),
          set.wardUpper(), List.of(), now));
    }
    return out;
  }

  private static Forecast forecast(ForecastSet set, AreaType type, String code, String ward, String borough, int index, double[][] mean,
      double[][] lower, double[][] upper, List<ForecastDriver> drivers, Instant now) {
    List<HorizonForecast> horizons = new ArrayList<>(set.horizons());
    for (int h = 1; h <= set.horizons(); h++) {
      horizons.add(new HorizonForecast(h, Months.format(set.origin().plusMonths(h)), mean[h - 1][index], lower[h - 1][index],
          upper[h - 1][index]));
    }
    return Forecast.newBuilder()
        .setAreaType(type)
        .setAreaCode(code)
        .setWardCode(ward)
        .setBoroughCode(borough)
        .setOriginMonth(Months.format(set.origin()))
        .setDataRevision(set.dataRevision())
        .setModelVersion(set.modelVersion())
        .setHorizons(horizons)
        .setDrivers(drivers)
        .setIntervalMethod(IntervalModel.METHOD)
        .setCreatedAt(now)
        .build();
  }

  public static ForecastReady ready(ForecastSet set, Instant now) {
    return new ForecastReady(Months.format(set.origin()), set.dataRevision(), set.modelVersion(), set.areas().size(), set.wards().size(),
        set.totalNextMonth(), now);
  }

  /** {@code <modelVersion>:<kind>:<windowTo>}, the key of models.evaluations.v1. */
  public static String evaluationKey(ModelEvaluation e) {
    return e.getModelVersion() + ":" + e.getKind() + ":" + e.getWindowTo();
  }

  public static ModelEvaluation evaluation(TrainedModel model, EvaluationKind kind, ModelRole role, Boolean promoted, String decision,
      YearMonth windowFrom, YearMonth windowTo, List<MetricValues> metrics, Instant now) {
    List<MethodMetrics> mm = new ArrayList<>();
    for (MetricValues m : metrics) {
      mm.add(MethodMetrics.newBuilder()
          .setMethod(m.method())
          .setHorizon(m.horizon())
          .setN(m.n())
          .setMae(m.mae())
          .setRmse(m.rmse())
          .setR2(m.r2())
          .setPoissonDeviance(m.poissonDeviance())
          .setBias(m.bias())
          .setHitRate1(m.hitRate1())
          .setPai1(m.pai1())
          .setHitRate5(m.hitRate5())
          .setPai5(m.pai5())
          .setCoverage80(m.coverage80())
          .setOriginMonth(m.originMonth())
          .build());
    }
    List<FeatureImportance> importances = new ArrayList<>();
    for (TrainedModel.Importance i : model.importances()) {
      importances.add(new FeatureImportance(i.feature(), i.meanAbsShap(), i.gain()));
    }
    return ModelEvaluation.newBuilder()
        .setModelVersion(model.version())
        .setKind(kind)
        .setRole(role)
        .setPromoted(promoted)
        .setDecision(decision)
        .setObjective(model.params().objective())
        .setTrainFrom(Months.format(model.trainFrom()))
        .setTrainUntil(Months.format(model.trainUntil()))
        .setWindowFrom(Months.format(windowFrom))
        .setWindowTo(Months.format(windowTo))
        .setParameters(model.params().asStrings())
        .setMetrics(mm)
        .setImportances(importances)
        .setCreatedAt(now)
        .build();
  }

  public static RiskModel riskModel(RiskFit fit, String version, Instant now) {
    List<RiskCoefficient> terms = new ArrayList<>();
    for (RiskFit.Term t : fit.terms()) {
      terms.add(new RiskCoefficient(t.name(), t.estimate(), t.stdError(), t.tValue(), t.pValue()));
    }
    return new RiskModel(version, Months.format(fit.from()), Months.format(fit.until()), fit.observations(), fit.r2(), fit.adjustedR2(),
        fit.residualStdError(), terms, now);
  }

  public static List<RiskScore> riskScores(RiskFit fit, AreaProfiles areas, String version) {
    List<RiskScore> out = new ArrayList<>(areas.size());
    for (int i = 0; i < areas.size(); i++) {
      double observed = fit.observedRate()[i];
      out.add(new RiskScore(areas.code(i), fit.logRisk()[i], fit.expRisk(i), Double.isNaN(observed) ? 0.0 : observed, version,
          Months.format(fit.until())));
    }
    return out;
  }

  /** {@code risk-<cut-off>-w<window months>}: the risk model is determined by its data window. */
  public static String riskVersion(RiskFit fit) {
    return "risk-" + Months.format(fit.until()) + "-" + Months.format(fit.from());
  }
}
