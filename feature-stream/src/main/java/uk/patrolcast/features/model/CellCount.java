package uk.patrolcast.features.model;

/**
 * What is counted in one (LSOA, month) cell: the number of live records and the wrapping sum of
 * their {@code contentHash}. Both add and subtract, so a retraction or a record that moved to
 * another area simply moves the cell's value.
 */
public record CellCount(int count, long hashSum) {
  public static final CellCount ZERO = new CellCount(0, 0);

  public CellCount plus(long contentHash) {
    return new CellCount(count + 1, hashSum + contentHash);
  }

  public CellCount minus(long contentHash) {
    return new CellCount(count - 1, hashSum - contentHash);
  }
}
