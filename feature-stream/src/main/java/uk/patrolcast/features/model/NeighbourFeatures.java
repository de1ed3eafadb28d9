package uk.patrolcast.features.model;

import java.util.List;
import java.util.function.Function;

/**
 * The spatial features of an area as of month t: the mean over its neighbours of their own lags and
 * rolling means (burglary clusters across boundaries). A feature is null when the area has no
 * neighbours or when the neighbours' value is null (their window reaches before the data; all areas
 * share one history, so that is all or none).
 */
public record NeighbourFeatures(
    int neighbourCount,
    Double lag1,
    Double lag2,
    Double lag3,
    Double lag6,
    Double lag12,
    Double mean3,
    Double mean6,
    Double mean12,
    Double mean24) {

  public static NeighbourFeatures of(List<LagFeatures> neighbours) {
    return new NeighbourFeatures(
        neighbours.size(),
        mean(neighbours, LagFeatures::lag1),
        mean(neighbours, LagFeatures::lag2),
        mean(neighbours, LagFeatures::lag3),
        mean(neighbours, LagFeatures::lag6),
        mean(neighbours, LagFeatures::lag12),
        mean(neighbours, LagFeatures::mean3),
        mean(neighbours, LagFeatures::mean6),
        mean(neighbours, LagFeatures::mean12),
        mean(neighbours, LagFeatures::mean24));
  }

  private static Double mean(List<LagFeatures> neighbours, Function<LagFeatures, ? extends Number> feature) {
    if (neighbours.isEmpty()) {
      return null;
    }
    double sum = 0;
    for (LagFeatures n : neighbours) {
      Number value = feature.apply(n);
      if (value == null) {
        return null;
      }
      sum += value.doubleValue();
    }
    return sum / neighbours.size();
  }
}
