package uk.patrolcast.forecast.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Share of a month's burglaries that fall in the areas a method ranks highest. The top share is
 * {@code share × areas} areas, fractional allowed; areas tied at the cut take part in proportion
 * (the expected hit rate under a random order of ties), so a method with many ties (a baseline of
 * whole counts) is neither helped nor hurt by an arbitrary tie-break.
 */
public final class HitRate {
  private HitRate() {}

  public static double of(double[] predicted, int[] actual, double share) {
    int n = predicted.length;
    double total = 0;
    for (int y : actual) {
      total += y;
    }
    if (total == 0) {
      return 0;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> predicted[i]).reversed());
    double capacity = share * n;
    double taken = 0;
    double captured = 0;
    int i = 0;
    while (i < n && taken < capacity) {
      int j = i;
      double groupActual = 0;
      while (j < n && predicted[order[j]] == predicted[order[i]]) {
        groupActual += actual[order[j]];
        j++;
      }
      int size = j - i;
      double take = Math.min(size, capacity - taken);
      captured += groupActual * take / size;
      taken += take;
      i = j;
    }
    return captured / total;
  }
}
