package dev.seq4j.cli;

import dev.seq4j.engine.BuildInfo;
import dev.seq4j.engine.Engines;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code seq4j info}: engine, threads, allocator and device. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Print the seq4j version and build, the Java runtime, and the engine, threads, memory"
            + " allocator and device seq4j runs with.",
    footer = {"%nExample:%n  ./seq4j info"})
public final class InfoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().println(report());
  }

  static String report() {
    return BuildInfo.current().format()
        + "\njava: "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + "\n"
        + Engines.describe().format();
  }

  /** {@code seq4j --version}: the version and build, without starting the engine. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {BuildInfo.current().format()};
    }
  }
}
