package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and worst of a few measured durations (seconds). */
record Latencies(List<Double> seconds) {
  Latencies {
    seconds = List.copyOf(seconds);
  }

  /** The middle value; the mean of the two middle ones for an even count; NaN when empty. */
  double median() {
    if (seconds.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  double max() {
    return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
