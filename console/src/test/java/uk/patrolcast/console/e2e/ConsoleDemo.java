package uk.patrolcast.console.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import uk.patrolcast.console.ConsoleConfig;
import uk.patrolcast.console.ConsoleService;
import uk.patrolcast.console.TestStack;
import uk.patrolcast.platform.stack.LocalStack;

/**
 * The console on a temporary local stack fed by the chosen {@link ConsoleEvents} (the real
 * pipeline by default), for trying the pages by hand: {@code mvn -pl console -am test-compile exec:java
 * -Dexec.mainClass=uk.patrolcast.console.e2e.ConsoleDemo -Dexec.classpathScope=test -Dexec.args="8080 DATA_DIR"}.
 * The token is {@code demo-token}. Stops on Ctrl-C or after the optional third argument (seconds).
 */
public final class ConsoleDemo {
  private ConsoleDemo() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    Path data = Path.of(args.length > 1 ? args[1] : "../shared/data");
    long seconds = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE / 1000;
    try (LocalStack stack = LocalStack.startTemporary()) {
      TestStack.ensureTopics(stack.bootstrapServers());
      Map<String, Object> settings = new HashMap<>();
      settings.put("bootstrap.servers", stack.bootstrapServers());
      settings.put("schema.registry.url", stack.schemaRegistryUrl());
      settings.put("data.dir", data.toAbsolutePath().toString());
      settings.put("http.port", Integer.toString(port));
      settings.put("console.token", "demo-token");
      try (ConsoleEvents events = ConsoleEvents.select();
          ConsoleService console = new ConsoleService(new ConsoleConfig(settings))) {
        console.start();
        System.out.println("console: " + console.url() + " (token demo-token)");
        events.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), data, stack.dir().resolve("events"));
        long advanceAfter = Long.getLong("console.demo.advance.s", 60) * 1000;
        System.out.println("pipeline started; the last month follows in " + advanceAfter / 1000 + " s");
        Thread.sleep(Math.min(seconds * 1000, advanceAfter));
        events.advance();
        System.out.println("advanced to " + events.expectedIngestedMonth());
        Thread.sleep(Math.max(0, seconds * 1000 - advanceAfter));
      }
    }
  }
}
