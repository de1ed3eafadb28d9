package uk.patrolcast.features.stream;

/**
 * Every case of {@link FeatureTopologyTest} with the records table on the heap
 * ({@code features.records.store=memory}): counting, duplicates, retractions and corrections must not
 * depend on where the table lives.
 */
class FeatureTopologyInMemoryTest extends FeatureTopologyTest {
  @Override
  boolean recordsInMemory() {
    return true;
  }
}
