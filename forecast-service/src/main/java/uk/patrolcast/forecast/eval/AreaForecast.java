package uk.patrolcast.forecast.eval;

/**
 * A method's forecast of every area for one origin and horizon (target = origin + horizon).
 *
 * @param originIndex origin month index in the table it was made from
 * @param lower null when the forecast has no interval
 * @param upper null when the forecast has no interval
 */
public record AreaForecast(int originIndex, int horizon, double[] mean, double[] lower, double[] upper) {
  public static AreaForecast of(int originIndex, int horizon, double[] mean) {
    return new AreaForecast(originIndex, horizon, mean, null, null);
  }

  public int targetIndex() {
    return originIndex + horizon;
  }
}
