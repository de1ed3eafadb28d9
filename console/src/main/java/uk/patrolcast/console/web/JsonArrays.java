package uk.patrolcast.console.web;

import java.util.ArrayList;
import java.util.List;

/** Numbers for the browser: rounded to a few decimals, NaN as null (JSON has no NaN). */
public final class JsonArrays {
  private JsonArrays() {}

  public static List<Double> of(float[] values, int decimals) {
    double scale = Math.pow(10, decimals);
    List<Double> out = new ArrayList<>(values.length);
    for (float v : values) {
      out.add(Float.isFinite(v) ? Math.round(v * scale) / scale : null);
    }
    return out;
  }

  public static List<Double> of(double[] values, int decimals) {
    double scale = Math.pow(10, decimals);
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(Double.isFinite(v) ? Math.round(v * scale) / scale : null);
    }
    return out;
  }

  public static Double one(double v, int decimals) {
    double scale = Math.pow(10, decimals);
    return Double.isFinite(v) ? Math.round(v * scale) / scale : null;
  }
}
