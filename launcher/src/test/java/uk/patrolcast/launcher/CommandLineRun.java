package uk.patrolcast.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code patrolcast} command line in this JVM and keeps what it printed, for tests of the commands. */
public final class CommandLineRun {
  private CommandLineRun() {}

  public record Result(int code, String out, String err) {}

  public static Result run(String... args) {
    CommandLine cli = Patrolcast.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
