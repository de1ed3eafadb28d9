package uk.patrolcast.forecast.eval;

/**
 * One method's forecasts of one target month for every area, with the actual counts and (for the
 * model) the 80% interval.
 *
 * @param lower null for methods without intervals
 * @param upper null for methods without intervals
 */
public record MonthScores(double[] predicted, int[] actual, double[] lower, double[] upper) {
  public MonthScores {
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException("predicted and actual differ in length");
    }
  }

  public static MonthScores of(double[] predicted, int[] actual) {
    return new MonthScores(predicted, actual, null, null);
  }
}
