package dev.seq4j.cli;

import dev.seq4j.engine.Engines;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code seq4j info}: engine, threads, allocator and device. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Print the engine, threads, memory allocator and device seq4j runs with.",
    footer = {"%nExample:%n  ./seq4j info"})
public final class InfoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().println(report());
  }

  static String report() {
    String version = InfoCommand.class.getPackage().getImplementationVersion();
    return "seq4j "
        + (version == null ? "(development build)" : version)
        + "\n"
        + Engines.describe().format();
  }

  /** {@code seq4j --version} prints the same report. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return report().split("\n");
    }
  }
}
