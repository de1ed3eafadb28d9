package uk.patrolcast.features.model;

/** The monthly counts of one area on a {@link MonthAxis}: index 0 is the first month of data. */
@FunctionalInterface
public interface MonthlySeries {
  int count(int index);

  /** A series over an array (index i = counts[i]); handy in tests. */
  static MonthlySeries of(int... counts) {
    return i -> counts[i];
  }
}
