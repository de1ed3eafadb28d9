package uk.patrolcast.console.view;

/** Predicted values with their 80% interval, per area. */
public record Band(AreaValues predicted, AreaValues lower, AreaValues upper) {

  public static Band empty() {
    return new Band(new AreaValues(5000), new AreaValues(5000), new AreaValues(5000));
  }

  public void set(int area, double predicted, double lower, double upper) {
    this.predicted.set(area, predicted);
    this.lower.set(area, lower);
    this.upper.set(area, upper);
  }

  /**
   * The sum over areas with an approximate 80% interval: each area's interval is read as a normal
   * one (half-width = 1.2816 sd) and areas are taken as independent, so the band is too narrow when
   * areas move together (a common seasonal shock). Labelled as such wherever it is shown.
   */
  public Total total() {
    double sum = 0;
    double variance = 0;
    int n = 0;
    for (int a = 0; a < predicted.capacity(); a++) {
      if (!predicted.known(a)) {
        continue;
      }
      double p = predicted.get(a);
      double sd = (upper.get(a) - lower.get(a)) / (2 * Z80);
      sum += p;
      if (!Double.isNaN(sd)) {
        variance += sd * sd;
      }
      n++;
    }
    double half = Z80 * Math.sqrt(variance);
    return new Total(sum, Math.max(0, sum - half), sum + half, n);
  }

  /** z of the 90th percentile of the standard normal. */
  static final double Z80 = 1.2815515655446004;

  /** A London (or any) total with its approximate 80% interval over {@code areas} areas. */
  public record Total(double predicted, double lower, double upper, int areas) {}
}
