package uk.patrolcast.features.stream;

import uk.patrolcast.features.model.CellCount;

/**
 * Everything the single snapshot builder consumes, on one single-partition topic so that one task
 * sees all of it in one order: count cells from the counting stage, and the month closings,
 * profiles and risk scores exactly as they were read (their Avro bytes, decoded by the builder).
 */
public sealed interface BuilderInput {

  /** A cell's new value; key {@code <lsoa21cd>:<YYYY-MM>}. */
  record Cell(CellCount value) implements BuilderInput {}

  /** A MonthClosed in the wire format (null: tombstone); key = month. */
  record Closure(byte[] bytes) implements BuilderInput {}

  /** An LsoaProfile in the wire format (null: the area left the universe); key = lsoa21cd. */
  record Profile(byte[] bytes) implements BuilderInput {}

  /** A RiskScore in the wire format (null: withdrawn); key = lsoa21cd. */
  record Risk(byte[] bytes) implements BuilderInput {}
}
