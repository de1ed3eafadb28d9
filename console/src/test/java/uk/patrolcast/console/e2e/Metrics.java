package uk.patrolcast.console.e2e;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import uk.patrolcast.events.MethodMetrics;

/** The evaluation metrics of ModelEvaluation.avsc, computed over months of predictions and actuals. */
final class Metrics {
  private Metrics() {}

  static MethodMetrics of(String method, List<double[]> predicted, List<double[]> actual, Double coverage) {
    double sae = 0;
    double sse = 0;
    double dev = 0;
    double bias = 0;
    double sum = 0;
    int n = 0;
    for (int m = 0; m < predicted.size(); m++) {
      for (int a = 0; a < predicted.get(m).length; a++) {
        sum += actual.get(m)[a];
        n++;
      }
    }
    double mean = sum / n;
    double sst = 0;
    double hit1 = 0;
    double hit5 = 0;
    for (int m = 0; m < predicted.size(); m++) {
      double[] p = predicted.get(m);
      double[] y = actual.get(m);
      for (int a = 0; a < p.length; a++) {
        double e = p[a] - y[a];
        sae += Math.abs(e);
        sse += e * e;
        bias += e;
        sst += (y[a] - mean) * (y[a] - mean);
        double mu = Math.max(p[a], 1e-9);
        dev += 2 * ((y[a] > 0 ? y[a] * Math.log(y[a] / mu) : 0) - (y[a] - mu));
      }
      hit1 += hitRate(p, y, 0.01);
      hit5 += hitRate(p, y, 0.05);
    }
    int months = predicted.size();
    return MethodMetrics.newBuilder().setMethod(method).setHorizon(null).setN(n).setMae(sae / n).setRmse(Math.sqrt(sse / n))
        .setR2(1 - sse / sst).setPoissonDeviance(dev / n).setBias(bias / n).setHitRate1(hit1 / months)
        .setPai1(hit1 / months / 0.01).setHitRate5(hit5 / months).setPai5(hit5 / months / 0.05).setCoverage80(coverage).build();
  }

  /** Share of the month's burglaries in the top {@code share} of areas ranked by prediction (ties by index). */
  static double hitRate(double[] p, double[] y, double share) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
    int top = (int) Math.ceil(p.length * share);
    double inTop = 0;
    double total = 0;
    for (int i = 0; i < order.length; i++) {
      total += y[order[i]];
      if (i < top) {
        inTop += y[order[i]];
      }
    }
    return total == 0 ? 0 : inTop / total;
  }
}
