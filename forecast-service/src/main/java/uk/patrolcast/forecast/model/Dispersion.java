package uk.patrolcast.forecast.model;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Maximum-likelihood dispersion of a negative binomial around given means: the alpha that makes
 * {@code NB(mu_i, alpha)} most likely to have produced the observed {@code y_i}. Fitted on
 * validation forecasts (never on the months being evaluated), it carries both the counts' own
 * over-dispersion and the model's error into the interval.
 */
public final class Dispersion {
  static final double MIN = 1e-6;
  static final double MAX = 20;

  private Dispersion() {}

  public static double fit(double[] mu, int[] y) {
    if (mu.length == 0) {
      throw new IllegalArgumentException("No forecasts to fit a dispersion on");
    }
    UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(logAlpha -> logLikelihood(mu, y, Math.exp(logAlpha)));
    BrentOptimizer brent = new BrentOptimizer(1e-6, 1e-9);
    UnivariatePointValuePair best = brent.optimize(new MaxEval(200), f, GoalType.MAXIMIZE,
        new SearchInterval(Math.log(MIN), Math.log(MAX), Math.log(0.1)));
    return Math.exp(best.getPoint());
  }

  static double logLikelihood(double[] mu, int[] y, double alpha) {
    return NegativeBinomial.logPmfSum(y, mu, 1e-6, alpha);
  }
}
