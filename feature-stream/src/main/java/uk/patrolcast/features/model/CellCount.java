package uk.patrolcast.features.model;

/**
 * What is counted in one (LSOA, month) cell: the number of live records and the wrapping sum of
 * their {@code contentHash}. Both add and subtract, so a retraction or a record that moved to
 * another area simply moves the cell's value.
 */
public record CellCount(int count, long hashSum) {
  public static final CellCount ZERO = new CellCount(0, 0);

  /** This cell with another's records added (partial counts of the same cell summed). */
  public CellCount plus(CellCount other) {
    return new CellCount(count + other.count, hashSum + other.hashSum);
  }

  /** This cell without another's records. */
  public CellCount minus(CellCount other) {
    return new CellCount(count - other.count, hashSum - other.hashSum);
  }
}
