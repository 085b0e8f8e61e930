package dev.seq4j.cli;

import dev.seq4j.data.TextLines;
import dev.seq4j.io.TempFiles;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a line-by-line command writes: standard output, or a file that appears only when complete
 * (written beside it, then renamed), so a failure never leaves a partial output or clobbers one. A
 * signal (SIGTERM, Ctrl-C) while a file is being written removes its temporary file and says that
 * the output was not written.
 */
final class LineOutput {
  /** Temporary file → its output, for each file being written now; guarded by itself. */
  private static final Map<Path, Path> PENDING = new LinkedHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> abandonPending(System.err), "seq4j-output-cleanup"));
  }

  private LineOutput() {}

  /**
   * Removes the temporary file of every output still being written and tells {@code err} that the
   * output was not written; what the shutdown hook runs. Returns how many it removed.
   */
  static int abandonPending(PrintStream err) {
    synchronized (PENDING) {
      int n = 0;
      for (Map.Entry<Path, Path> e : PENDING.entrySet()) {
        try {
          Files.deleteIfExists(e.getKey());
        } catch (IOException ex) {
          err.println("seq4j: could not remove " + e.getKey() + ": " + ex.getMessage());
        }
        err.println("seq4j: interrupted: " + e.getValue() + " was not written");
        n++;
      }
      PENDING.clear();
      return n;
    }
  }

  /**
   * Thrown when standard output was closed by its reader ({@code seq4j translate … | head}): the
   * command stops at once and exits quietly with 141, as a program killed by SIGPIPE does.
   */
  static final class BrokenPipe extends IOException {
    BrokenPipe() {
      super("standard output was closed by its reader");
    }
  }

  /**
   * Standard output that reports its reader going away: a {@link PrintStream} swallows the write
   * error (EPIPE, as the JVM ignores SIGPIPE), so a command would go on translating a whole input
   * nobody reads. Checked once per buffered block the writer hands down.
   */
  private static final class Checked extends FilterOutputStream {
    private final PrintStream target;

    Checked(PrintStream target) {
      super(target);
      this.target = target;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
      check();
    }

    @Override
    public void flush() throws IOException {
      check();
    }

    private void check() throws BrokenPipe {
      if (target.checkError()) { // flushes, then tells whether any write failed
        throw new BrokenPipe();
      }
    }
  }

  /** What writes the lines. */
  interface Body {
    void write(Writer out) throws IOException;
  }

  /** What handles one chunk of input lines. */
  interface Chunk {
    void handle(List<String> lines) throws IOException;
  }

  /**
   * Hands {@code lines} to {@code chunk} in slices of at most {@code size} lines, so large inputs
   * stream through bounded memory.
   */
  static void inChunks(TextLines lines, int size, Chunk chunk) throws IOException {
    List<String> slice = new ArrayList<>(size);
    while (lines.hasNext()) {
      slice.add(lines.next());
      if (slice.size() == size || !lines.hasNext()) {
        chunk.handle(slice);
        slice.clear();
      }
    }
  }

  /**
   * How many lines to read before answering: 1 with {@code --line-buffered} or when standard input
   * (no {@code input} file) is a terminal, so each line is answered as soon as it is read;
   * otherwise {@code block}, for throughput on pipes and files.
   */
  static int chunkSize(boolean lineBuffered, Path input, int block) {
    return lineBuffered || (input == null && System.console() != null) ? 1 : block;
  }

  /** Refuses an output that is the input file itself, before anything is read. */
  static void refuseOverwritingInput(Path input, Path output) throws IOException {
    if (input != null
        && output != null
        && Files.exists(output)
        && Files.isSameFile(input, output)) {
      throw new IllegalArgumentException(
          "--output " + output + " is the input file: refusing to overwrite it");
    }
  }

  /** Runs {@code body} against standard output ({@code output} null) or into {@code output}. */
  static void write(Path output, Body body) throws IOException {
    if (output == null) {
      Writer w =
          new BufferedWriter(
              new OutputStreamWriter(new Checked(System.out), StandardCharsets.UTF_8));
      body.write(w);
      w.flush();
      return;
    }
    Files.createDirectories(output.toAbsolutePath().getParent());
    Path tmp;
    synchronized (PENDING) {
      tmp = TempFiles.sibling(output);
      PENDING.put(tmp, output);
    }
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(w);
      }
      synchronized (PENDING) { // the rename and the hook's removal exclude each other
        if (PENDING.remove(tmp) == null) {
          throw new IOException(output + " was not written: interrupted");
        }
        Files.move(
            tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      synchronized (PENDING) {
        PENDING.remove(tmp);
        Files.deleteIfExists(tmp);
      }
    }
  }
}
