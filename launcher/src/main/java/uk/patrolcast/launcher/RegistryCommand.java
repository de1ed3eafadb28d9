package uk.patrolcast.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.patrolcast.platform.registry.DevSchemaRegistry;
import uk.patrolcast.platform.stack.FreePorts;

/**
 * {@code patrolcast registry}: the development schema registry alone, on a broker that runs elsewhere
 * ({@code patrolcast stack --no-registry}). Its state is the compacted schema topic on that broker, so
 * a restart (on the same port) serves the same ids; services keep serving from the ids they cached
 * while it is down.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "Run only the development schema registry (state in a Kafka topic) on 127.0.0.1, for a broker started with 'stack --no-registry'; Ctrl-C stops it.")
final class RegistryCommand implements Callable<Integer> {

  @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers holding the registry's topic.")
  String bootstrap;

  @Option(names = "--registry-port", defaultValue = "8081", paramLabel = "PORT", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Override
  public Integer call() throws Exception {
    if (registryPort != 0) {
      FreePorts.requireFree(registryPort, "Schema registry");
    }
    DevSchemaRegistry registry = DevSchemaRegistry.start(bootstrap, "127.0.0.1", registryPort);
    Daemon daemon = Daemon.onStop("registry", registry::close);
    System.out.println("Registry is up: " + registry.url() + " (Kafka " + bootstrap + "). Ctrl-C stops it.");
    daemon.awaitStop();
    return 0;
  }
}
