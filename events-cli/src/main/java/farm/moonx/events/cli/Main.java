package farm.moonx.events.cli;

import picocli.CommandLine;

/** {@code java -jar events-cli-all.jar <command>}: the on-call tool's entry point. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests and embedding: {@code commandLine().execute(args)}. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new EventsCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
