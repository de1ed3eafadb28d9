package uk.patrolcast.forecast.risk;

import java.time.YearMonth;
import java.util.List;

/**
 * A fitted static risk model and its scores.
 *
 * @param from first month of counts used
 * @param until last month of counts used (the training cut-off)
 * @param observations areas in the regression
 * @param terms intercept first, then {@link RiskRegression#TERMS}
 * @param logRisk fitted log burglaries per 1,000 residents per year, per area (all areas)
 * @param observedRate observed burglaries per 1,000 residents per year over the window, per area
 */
public record RiskFit(
    YearMonth from,
    YearMonth until,
    int observations,
    double r2,
    double adjustedR2,
    double residualStdError,
    List<Term> terms,
    double[] logRisk,
    double[] observedRate) {

  /** One coefficient with its standard error, t value and two-sided p value. */
  public record Term(String name, double estimate, double stdError, double tValue, double pValue) {}

  /** Back-transformed score: burglaries per 1,000 residents per year (the geometric-mean rate). */
  public double expRisk(int area) {
    return Math.exp(logRisk[area]);
  }
}
