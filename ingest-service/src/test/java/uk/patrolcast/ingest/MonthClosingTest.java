package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.ingest.publish.MonthClosing;

class MonthClosingTest {
  static final List<String> FORCES = List.of("metropolitan", "city-of-london");
  static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");

  static SourceManifest manifest(String force, String sha, long hashSum, String... keys) {
    return new SourceManifest(force, "2022-05", force + ".csv", sha, 1, keys.length + 2, 2, List.of(keys), hashSum, NOW);
  }

  @Test
  void aMonthClosesOnlyWhenEveryConfiguredForceHasItsSource() {
    Map<String, SourceManifest> m = new TreeMap<>(Map.of("metropolitan:2022-05", manifest("Met", "aa", 5, "k1", "k2")));
    assertThat(MonthClosing.close("2022-05", m, FORCES, null, 4994, NOW)).isNull();

    m.put("city-of-london:2022-05", manifest("City", "bb", 7, "c1"));
    MonthClosed c = MonthClosing.close("2022-05", m, FORCES, null, 4994, NOW);
    assertThat(c.getRevision()).isEqualTo(1);
    assertThat(c.getRecordCount()).isEqualTo(3);
    assertThat(c.getRecordHashSum()).isEqualTo(12);
    assertThat(c.getRejectedCount()).isEqualTo(4);
    assertThat(c.getLsoaCount()).isEqualTo(4994);
    assertThat(c.getChecksum()).isEqualTo(MonthClosing.checksum(List.of("bb", "aa")));
    assertThat(c.getSources()).extracting(s -> s.getForce()).containsExactly("Met", "City");
  }

  @Test
  void anUnchangedMonthIsNotRepublishedAndAChangedOneGetsTheNextRevision() {
    Map<String, SourceManifest> m = new TreeMap<>(Map.of(
        "metropolitan:2022-05", manifest("Met", "aa", 5, "k1"), "city-of-london:2022-05", manifest("City", "bb", 7, "c1")));
    MonthClosed first = MonthClosing.close("2022-05", m, FORCES, null, 4994, NOW);
    assertThat(MonthClosing.close("2022-05", m, FORCES, first, 4994, NOW)).isNull();

    m.put("metropolitan:2022-05", manifest("Met", "cc", 9, "k1", "k3"));
    MonthClosed second = MonthClosing.close("2022-05", m, FORCES, first, 4994, NOW);
    assertThat(second.getRevision()).isEqualTo(2);
    assertThat(second.getRecordCount()).isEqualTo(3);
    assertThat(second.getRecordHashSum()).isEqualTo(16);
  }

  @Test
  void hashSumsWrapAround() {
    Map<String, SourceManifest> m = Map.of(
        "metropolitan:2022-05", manifest("Met", "aa", Long.MAX_VALUE, "k1"), "city-of-london:2022-05", manifest("City", "bb", 2, "c1"));
    assertThat(MonthClosing.close("2022-05", m, FORCES, null, 1, NOW).getRecordHashSum()).isEqualTo(Long.MAX_VALUE + 2);
  }

  @Test
  void anApiMonthClosesAloneUntilFilesArriveAndThenOnlyTheFilesCount() {
    Map<String, SourceManifest> m = new TreeMap<>(Map.of("api:2022-05", manifest("police.uk API", "ap", 3, "a1", "a2")));
    MonthClosed api = MonthClosing.close("2022-05", m, FORCES, null, 4994, NOW);
    assertThat(api.getRecordCount()).isEqualTo(2);

    m.put("metropolitan:2022-05", manifest("Met", "aa", 5, "k1"));
    assertThat(MonthClosing.close("2022-05", m, FORCES, api, 4994, NOW)).isNull();
    m.put("city-of-london:2022-05", manifest("City", "bb", 7, "c1"));
    MonthClosed files = MonthClosing.close("2022-05", m, FORCES, api, 4994, NOW);
    assertThat(files.getRevision()).isEqualTo(2);
    assertThat(files.getRecordCount()).isEqualTo(2);
    assertThat(files.getRecordHashSum()).isEqualTo(12);
  }
}
