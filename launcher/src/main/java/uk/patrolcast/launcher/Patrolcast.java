package uk.patrolcast.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.patrolcast.launcher.bench.BenchCommand;
import uk.patrolcast.launcher.bench.GenerateCommand;

/** The {@code patrolcast} command. */
@Command(
    name = "patrolcast",
    mixinStandardHelpOptions = true,
    versionProvider = Patrolcast.Version.class,
    description = {
      "Streaming burglary forecasts and fair patrol-hour plans for London's LSOAs and wards.",
      "",
      "  patrolcast up --data DIR          run the whole system locally (embedded Kafka, registry, console)",
      "  patrolcast run --data DIR --out OUT   run the pipeline once over DIR and write its outputs",
      ""
    },
    subcommands = {
      UpCommand.class,
      RunCommand.class,
      ServiceCommand.Ingest.class,
      ServiceCommand.Features.class,
      ServiceCommand.Forecast.class,
      ServiceCommand.Allocate.class,
      ServiceCommand.Console.class,
      WatchCommand.class,
      TopicsCommand.class,
      StackCommand.class,
      RegistryCommand.class,
      GenerateCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Patrolcast implements Runnable {

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(commandLine().execute(args));
  }

  /** The command line with Patrolcast's error handling: one clear line, no stack trace. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Patrolcast());
    cli.setUsageHelpAutoWidth(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String message = e.getMessage() == null ? e.toString() : e.getMessage();
          commandLine.getErr().println("patrolcast " + commandLine.getCommandName() + ": " + message);
          if (System.getenv("PATROLCAST_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          }
          return e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException ? 2 : 1;
        });
    return cli;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Versions of the code and of what it is built on. */
  public static Properties versions() {
    Properties p = new Properties();
    try (InputStream in = Patrolcast.class.getResourceAsStream("/patrolcast-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // versions are informative only
    }
    return p;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties v = versions();
      return new String[] {
        "patrolcast " + v.getProperty("version", "unknown"),
        "Kafka " + v.getProperty("kafka") + ", Avro " + v.getProperty("avro") + ", XGBoost4J " + v.getProperty("xgboost")
            + ", OR-Tools " + v.getProperty("ortools")
      };
    }
  }
}
