package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartitionCountsTest {

  @Test
  void anyOrderOfAddsAndRemovesEndsInTheSameCells() {
    Random random = new Random(5);
    Map<String, CellCount> expected = new HashMap<>();
    PartitionCounts counts = new PartitionCounts();
    for (int i = 0; i < 5000; i++) {
      String area = String.format("E0100%04d", random.nextInt(300));
      String month = "2023-0" + (1 + random.nextInt(3));
      long hash = random.nextLong();
      boolean add = random.nextInt(3) > 0;
      if (add) {
        counts.add(area, month, hash);
      } else {
        counts.remove(area, month, hash);
      }
      expected.merge(area + "@" + month, new CellCount(add ? 1 : -1, add ? hash : -hash), CellCount::plus);
    }
    expected.forEach((cell, value) -> {
      String[] parts = cell.split("@");
      assertThat(counts.get(parts[0], parts[1])).as(cell).isEqualTo(value);
    });
    // The buckets handed on say the same, whole and in area order.
    Map<String, CellCount> handedOn = new HashMap<>();
    for (PartitionCounts.Changed c : counts.drainChanged()) {
      for (int i = 0; i < c.cells().size(); i++) {
        assertThat(CellBucket.bucketOf(c.cells().area(i))).isEqualTo(c.bucket());
        handedOn.put(c.cells().area(i) + "@" + c.month(), c.cells().cell(i));
      }
    }
    assertThat(handedOn).isEqualTo(expected);
  }

  @Test
  void handsOnOnlyTheBucketsChangedSinceTheLastTimeWithAbsoluteValues() {
    PartitionCounts counts = new PartitionCounts();
    counts.add("E01000001", "2023-01", 7);
    counts.add("E01000001", "2023-01", 8);
    counts.add("E01000002", "2023-02", 9);
    List<PartitionCounts.Changed> first = counts.drainChanged();
    assertThat(first).extracting(PartitionCounts.Changed::month).containsExactlyInAnyOrder("2023-01", "2023-02");
    assertThat(counts.drainChanged()).isEmpty();

    counts.remove("E01000001", "2023-01", 7);
    counts.remove("E01000001", "2023-01", 8);
    assertThat(counts.drainChanged()).singleElement().satisfies(c -> {
      assertThat(c.bucket()).isEqualTo(CellBucket.bucketOf("E01000001"));
      assertThat(c.month()).isEqualTo("2023-01");
      // The retracted area stays, at zero: the builder learns that its part of the cell is now empty.
      assertThat(c.cells().get("E01000001")).isEqualTo(CellCount.ZERO);
      assertThat(c.cells().size()).isEqualTo(1);
    });
  }

  @Test
  void afterAStartEveryBucketIsHandedOnAgain() {
    PartitionCounts counts = new PartitionCounts();
    counts.add("E01000001", "2023-01", 7);
    counts.add("E01000077", "2023-01", 1);
    counts.add("E01000002", "2023-02", 9);
    int buckets = counts.drainChanged().size();
    counts.markAllChanged();
    counts.markAllChanged(); // twice: still each bucket once
    assertThat(counts.drainChanged()).hasSize(buckets);
  }
}
