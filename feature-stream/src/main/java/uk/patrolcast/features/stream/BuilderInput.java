package uk.patrolcast.features.stream;

import java.util.List;
import uk.patrolcast.features.model.CellBucket;

/**
 * Everything the single snapshot builder consumes, on one single-partition topic so that one task
 * sees all of it in one order: buckets of count cells from the counting stage, and the month closings,
 * profiles and risk scores exactly as they were read (their Avro bytes, decoded by the builder).
 */
public sealed interface BuilderInput {

  /** The new value of every cell of a bucket; key {@code <bucket>:<YYYY-MM>} (see {@link RecordCell#bucketKey()}). */
  record Cells(CellBucket bucket) implements BuilderInput {}

  /** A MonthClosed in the wire format (null: tombstone); key = month. */
  record Closure(byte[] bytes) implements BuilderInput {}

  /** An LsoaProfile in the wire format (null: the area left the universe); key = lsoa21cd. */
  record Profile(byte[] bytes) implements BuilderInput {}

  /** A RiskScore in the wire format (null: withdrawn); key = lsoa21cd. */
  record Risk(byte[] bytes) implements BuilderInput {}

  /**
   * Every part key a counting task holds now, sent once after a (re)start right after those parts:
   * a part the builder holds for that partition under any other key is empty now (its records were
   * retracted or moved, and the flush that said so never committed before the restart).
   */
  record PartsHeld(int partition, List<String> keys) implements BuilderInput {}
}
