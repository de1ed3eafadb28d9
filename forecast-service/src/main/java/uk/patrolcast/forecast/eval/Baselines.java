package uk.patrolcast.forecast.eval;

import java.util.List;

/**
 * The simple forecasts every model is judged against, all made at origin t for target t+h from
 * counts up to t: last month (count of t), same month last year (count of t+h-12), and the means of
 * the last 3, 12 and 36 months.
 */
public final class Baselines {
  public static final List<String> NAMES = List.of("last_month", "same_month_last_year", "mean_3", "mean_12", "mean_36");

  private Baselines() {}

  /**
   * @param series counts per area and month ({@code [area][month]}); only months {@code <= t} are read
   * @param t origin index
   * @param horizon months ahead, 1..12
   * @return the baseline's forecast per area
   */
  public static double[] forecast(String name, double[][] series, int t, int horizon) {
    if (horizon < 1 || horizon > 12) {
      throw new IllegalArgumentException("Horizon must be 1..12, got " + horizon);
    }
    double[] out = new double[series.length];
    for (int i = 0; i < series.length; i++) {
      double[] s = series[i];
      out[i] = switch (name) {
        case "last_month" -> s[t];
        case "same_month_last_year" -> at(s, t + horizon - 12);
        case "mean_3" -> mean(s, t, 3);
        case "mean_12" -> mean(s, t, 12);
        case "mean_36" -> mean(s, t, 36);
        default -> throw new IllegalArgumentException("Unknown baseline " + name + "; known: " + NAMES);
      };
    }
    return out;
  }

  private static double at(double[] s, int m) {
    if (m < 0) {
      throw new IllegalArgumentException("Not enough history for the same-month baseline");
    }
    return s[m];
  }

  private static double mean(double[] s, int t, int n) {
    int from = Math.max(0, t - n + 1);
    double sum = 0;
    for (int m = from; m <= t; m++) {
      sum += s[m];
    }
    return sum / (t - from + 1);
  }
}
