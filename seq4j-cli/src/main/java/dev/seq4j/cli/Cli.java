package dev.seq4j.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Runs a command line: errors print one clear line ({@code seq4j: error: …}) and exit with 2;
 * {@code --debug} anywhere on the line prints the stack trace as well.
 */
public final class Cli {
  /** Exit status of a command that failed on bad input or a runtime error. */
  public static final int ERROR = 2;

  /** Exit status when standard output was closed by its reader, as after SIGPIPE (128 + 13). */
  public static final int BROKEN_PIPE = 141;

  private Cli() {}

  /** Parses and executes {@code args}, returning the exit status. */
  public static int run(String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    chooseLogLevel(args);
    String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    CommandLine cl = commandLine(debug);
    return cl.execute(rest);
  }

  /**
   * SLF4J's simple logger fixes its level when the first logger is made: a {@code --log-level}
   * below INFO ({@code debug}, {@code trace}) must be set before anything logs. (Levels above INFO
   * are applied by {@code ConsoleLog}'s filter as well.)
   */
  private static void chooseLogLevel(String[] args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--log-level")) {
        System.setProperty(
            "org.slf4j.simpleLogger.defaultLogLevel", args[i + 1].toLowerCase(Locale.ROOT));
      }
    }
  }

  /** The configured command line (exposed for tests). */
  public static CommandLine commandLine(boolean debug) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (brokenPipe(ex)) {
            return BROKEN_PIPE; // the reader has what it wanted: nothing to report
          }
          PrintWriter err = commandLine.getErr();
          err.println("seq4j: error: " + message(ex));
          if (debug) {
            ex.printStackTrace(err);
          }
          err.flush();
          return ERROR;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("seq4j: error: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandName() + " --help'.");
          err.flush();
          return ERROR;
        });
    return cl;
  }

  private static boolean brokenPipe(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof LineOutput.BrokenPipe) {
        return true;
      }
    }
    return false;
  }

  /** The most useful one-line message of an exception chain. */
  static String message(Throwable ex) {
    Throwable t = ex;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
