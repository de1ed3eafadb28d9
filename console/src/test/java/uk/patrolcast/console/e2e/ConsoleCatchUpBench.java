package uk.patrolcast.console.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import uk.patrolcast.console.ConsoleConfig;
import uk.patrolcast.console.ConsoleService;
import uk.patrolcast.console.TestStack;
import uk.patrolcast.platform.stack.LocalStack;

/**
 * How long a restarted console takes to rebuild its views from the topics, and the heap used before
 * and after it (each after a few collections; the pipeline ran in this JVM first and the broker runs
 * in it, so the difference is only a rough measure of the views):
 * the real pipeline (as in the browser tests) runs first, every month through every stage, and is
 * stopped; then a console starts and reads everything. Prints one line.
 * {@code java -cp <test classpath> uk.patrolcast.console.e2e.ConsoleCatchUpBench [DATA_DIR]}
 * (window: {@code -Dconsole.e2e.first}/{@code last}, as for the browser tests).
 */
public final class ConsoleCatchUpBench {
  private ConsoleCatchUpBench() {}

  /** A few collections, so that what the stopped pipeline left behind is gone before the heap is read. */
  private static void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    try (LocalStack stack = LocalStack.startTemporary()) {
      TestStack.ensureTopics(stack.bootstrapServers());
      try (PipelineEvents events = new PipelineEvents()) {
        events.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), data, stack.dir().resolve("events"));
        events.awaitStages(Duration.ofMinutes(20));
        events.advance();
        events.awaitStages(Duration.ofMinutes(5));
      }
      settle();
      long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      Map<String, Object> settings = new HashMap<>();
      settings.put("bootstrap.servers", stack.bootstrapServers());
      settings.put("schema.registry.url", stack.schemaRegistryUrl());
      long t = System.nanoTime();
      try (ConsoleService console = new ConsoleService(new ConsoleConfig(settings))) {
        console.start();
        while (!console.ready()) {
          Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        Object records = ((Map<?, ?>) console.status().get("feed")).get("records");
        settle();
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("CATCH-UP %s records in %.1f s (%.0f records/s); heap used %d MB before the console, %d MB after "
            + "(broker and registry included)%n", records, seconds, ((Number) records).doubleValue() / seconds, heapBefore >> 20,
            heapAfter >> 20);
      }
    }
  }
}
