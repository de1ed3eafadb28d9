package uk.patrolcast.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;

/** {@code patrolcast topics}: the topic catalogue, for people wiring consumers. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Print the topic catalogue: names, keys, value schemas, partitions, policies.")
final class TopicsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.printf("%-34s %-4s %-16s %-26s %s%n", "topic", "part", "policy", "value (Avro)", "key");
    for (TopicSpec<?> t : Topics.ALL) {
      System.out.printf("%-34s %-4d %-16s %-26s %s%n", t.name(), t.partitions(),
          t.cleanupPolicy() + (t.retentionMs() < 0 ? "" : " " + t.retentionMs() / 86_400_000 + "d"),
          t.valueType().getSimpleName(), t.keyDescription());
    }
    return 0;
  }
}
