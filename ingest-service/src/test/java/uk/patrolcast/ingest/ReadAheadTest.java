package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Read-ahead must hand items back in their order whatever thread read them, never read more than its
 * window beyond the last item taken, and pass a reading's failure to the taker.
 */
class ReadAheadTest {

  @Test
  void givesItemsInOrderAndStaysWithinItsWindow() throws Exception {
    List<Integer> items = IntStream.range(0, 200).boxed().toList();
    AtomicInteger started = new AtomicInteger();
    int[] taken = {0};
    int window = 5;
    List<Integer> out = new ArrayList<>();
    List<Integer> overruns = new ArrayList<>();
    try (ReadAhead<Integer, Integer> ahead = new ReadAhead<>(items, i -> {
      started.incrementAndGet();
      synchronized (taken) {
        // The taker counts an item once next() returned it; ReadAhead as soon as next() was called.
        if (i > taken[0] + window) {
          overruns.add(i);
        }
      }
      // Later items finish first now and then, so that order cannot come from timing.
      sleep(i % 3 == 0 ? 2 : 0);
      return i * 10;
    }, 3, window)) {
      while (ahead.hasNext()) {
        int v = ahead.next();
        synchronized (taken) {
          taken[0]++;
        }
        out.add(v);
      }
      assertThat(ahead.ready()).isFalse();
    }
    assertThat(out).isEqualTo(items.stream().map(i -> i * 10).toList());
    assertThat(overruns).as("items read beyond the window").isEmpty();
    assertThat(started.get()).isEqualTo(items.size());
  }

  @Test
  void aFailedReadingReachesTheTakerInItsTurn() throws Exception {
    try (ReadAhead<Integer, Integer> ahead = new ReadAhead<>(List.of(1, 2, 3), i -> {
      if (i == 2) {
        throw new IllegalArgumentException("unreadable " + i);
      }
      return i;
    }, 2, 3)) {
      assertThat(ahead.next()).isEqualTo(1);
      assertThatThrownBy(ahead::next).isInstanceOf(IllegalArgumentException.class).hasMessage("unreadable 2");
      assertThat(ahead.next()).isEqualTo(3);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
