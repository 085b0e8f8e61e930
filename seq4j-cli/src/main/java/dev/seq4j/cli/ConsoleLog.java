package dev.seq4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console of a training run: while open, standard error (the library's SLF4J lines, the
 * progress bar, evaluation lines) goes through a filter to the terminal and, in full, to {@code
 * train.log} in the run directory. Each line has a level: SLF4J's own ({@code [WARN] Trainer - …}),
 * the one of the line it continues (a stack trace), {@code ERROR} for {@code seq4j: …} lines, and
 * {@code INFO} for everything else (progress, evaluations, samples). Lines below {@code
 * --log-level} are dropped everywhere; {@code --quiet} shows only errors on the terminal (the
 * summary goes to standard output) while {@code train.log} keeps everything. A progress bar redrawn
 * with {@code \r} reaches the terminal as it is drawn and the file as its last state.
 */
final class ConsoleLog implements AutoCloseable {
  /** The file name in the run directory. */
  static final String FILE = "train.log";

  /** Log levels, most severe first. */
  enum Level {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE;

    /** {@code --log-level} value: case-insensitive name. */
    static Level parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--log-level must be one of error, warn, info, debug, trace, was '" + s + "'", e);
      }
    }
  }

  private static final Pattern SLF4J = Pattern.compile("^\\[(TRACE|DEBUG|INFO|WARN|ERROR)\\] ");

  private final PrintStream terminal;
  private final Writer file;
  private final boolean quiet;
  private final Level threshold;
  private final PrintStream previous;

  private ConsoleLog(PrintStream terminal, Writer file, boolean quiet, Level threshold) {
    this.terminal = terminal;
    this.file = file;
    this.quiet = quiet;
    this.threshold = threshold;
    this.previous = System.err;
  }

  /** Routes standard error through the filter and into {@code runDir/train.log} until closed. */
  static ConsoleLog open(Path runDir, boolean quiet, Level threshold) throws IOException {
    Files.createDirectories(runDir);
    Writer file =
        Files.newBufferedWriter(
            runDir.resolve(FILE),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
    ConsoleLog log = new ConsoleLog(System.err, file, quiet, threshold);
    System.setErr(new PrintStream(log.new Filter(), true, StandardCharsets.UTF_8));
    return log;
  }

  /** Writes {@code line} to {@code train.log} only (the summary the command prints to stdout). */
  void record(String line) throws IOException {
    synchronized (file) {
      file.write(line.endsWith("\n") ? line : line + "\n");
      file.flush();
    }
  }

  @Override
  public void close() throws IOException {
    System.err.flush();
    System.setErr(previous);
    file.close();
  }

  /** The level of {@code line}, {@code previous} for a continuation line. */
  static Level levelOf(String line, Level previous) {
    Matcher m = SLF4J.matcher(line);
    if (m.find()) {
      return Level.valueOf(m.group(1));
    }
    if (line.startsWith("seq4j: ")) {
      return Level.ERROR;
    }
    if (!line.isEmpty()
        && (Character.isWhitespace(line.charAt(0)) || line.startsWith("Caused by"))) {
      return previous;
    }
    return Level.INFO;
  }

  /** Whether a line of {@code level} reaches the terminal. */
  private boolean toTerminal(Level level) {
    return level.compareTo(quiet ? Level.ERROR : threshold) <= 0;
  }

  /** Splits the byte stream into lines and sends each where its level allows. */
  private final class Filter extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int shown; // bytes of the current line already on the terminal (a progress bar)
    private Level last = Level.INFO;

    @Override
    public synchronized void write(int b) throws IOException {
      line.write(b);
      if (b == '\n') {
        endLine();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    /** Shows an unfinished plain line (a progress bar being drawn) on the terminal now. */
    @Override
    public synchronized void flush() {
      String text = line.toString(StandardCharsets.UTF_8);
      if (text.length() > shown && levelOf(text.replace("\r", ""), last) == Level.INFO) {
        if (toTerminal(Level.INFO)) {
          terminal.print(text.substring(shown));
          terminal.flush();
        }
        shown = text.length();
      }
    }

    private void endLine() throws IOException {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      String content = text.substring(text.lastIndexOf('\r', text.length() - 2) + 1);
      Level level = levelOf(content, last);
      last = level;
      if (level.compareTo(threshold) <= 0 || level == Level.ERROR) {
        if (toTerminal(level)) {
          terminal.print(text.substring(Math.min(shown, text.length())));
          terminal.flush();
        }
        record(content);
      }
      shown = 0;
    }
  }
}
