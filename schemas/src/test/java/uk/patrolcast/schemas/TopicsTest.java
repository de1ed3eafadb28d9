package uk.patrolcast.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void namesAreUniqueAndVersioned() {
    Set<String> names = new HashSet<>();
    for (TopicSpec<?> t : Topics.ALL) {
      assertThat(names.add(t.name())).as("duplicate %s", t.name()).isTrue();
      assertThat(t.name()).matches("[a-z]+(\\.[a-z-]+)+\\.v\\d+");
      assertThat(t.partitions()).isPositive();
      assertThat(t.cleanupPolicy()).isIn("compact", "delete", "compact,delete");
    }
    assertThat(Topics.byName("features.lsoa-month.v1")).contains(Topics.FEATURES);
  }

  @Test
  void everySchemaFileIsTheValueOfSomeTopic() throws IOException {
    Set<String> used = Topics.ALL.stream().map(t -> t.valueType().getSimpleName()).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(Path.of("src/main/avro"))) {
      Set<String> defined = files.map(p -> p.getFileName().toString().replace(".avsc", "")).collect(Collectors.toSet());
      assertThat(used).containsExactlyInAnyOrderElementsOf(defined);
    }
  }

  @Test
  void largeValuesHaveRoomOnTheirTopics() {
    assertThat(Topics.PLANS.topicConfigs()).containsEntry("max.message.bytes", Integer.toString(32 << 20));
    assertThat(Topics.CRIME_RECORDS.topicConfigs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
  }
}
