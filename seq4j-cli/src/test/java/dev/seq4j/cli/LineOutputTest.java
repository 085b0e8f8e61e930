package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files appear whole or not at all, also when a signal ends the process. */
class LineOutputTest {
  @TempDir Path dir;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void theCleanupRemovesTheTemporaryFileAndSaysSo() throws IOException {
    Path out = dir.resolve("out.txt");
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                LineOutput.write(
                    out,
                    w -> {
                      w.write("half\n");
                      w.flush();
                      assertEquals(1, files().size(), "the temporary file exists while writing");
                      // what the shutdown hook does when a signal arrives now
                      assertEquals(
                          1,
                          LineOutput.abandonPending(
                              new PrintStream(said, true, StandardCharsets.UTF_8)));
                    }));
    assertEquals(out + " was not written: interrupted", e.getMessage());
    assertEquals(List.of(), files(), "neither the output nor a temporary file");
    assertEquals(
        "seq4j: interrupted: " + out + " was not written\n", said.toString(StandardCharsets.UTF_8));
    LineOutput.write(out, w -> w.write("whole\n"));
    assertEquals(0, LineOutput.abandonPending(System.err), "nothing pending after a write");
    assertEquals("whole\n", Files.readString(out));
  }

  /** Writes a line to the file named by its argument, says "writing" and waits to be killed. */
  static final class SlowWriter {
    public static void main(String[] args) throws IOException {
      LineOutput.write(
          Path.of(args[0]),
          w -> {
            w.write("half\n");
            w.flush();
            System.out.println("writing");
            System.out.flush();
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
  }

  @Test
  void sigtermWhileWritingLeavesNoTemporaryFile() throws Exception {
    Path out = dir.resolve("out.txt");
    Path log = Files.createTempFile("slow-writer", ".err");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlowWriter.class.getName(),
                out.toString())
            .redirectError(log.toFile())
            .start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("writing", r.readLine());
      assertEquals(1, files().size(), "the temporary file exists while writing");
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    String err = Files.readString(log);
    Files.delete(log);
    assertTrue(err.contains("seq4j: interrupted: " + out + " was not written\n"), err);
    assertEquals(List.of(), files());
    assertFalse(Files.exists(out));
  }

  /** A reader that takes {@code limit} bytes and then closes the pipe, as {@code head} does. */
  private static final class ClosingReader extends java.io.OutputStream {
    private final int limit;
    long offered;

    ClosingReader(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      offered += len;
      if (offered > limit) {
        throw new IOException("Broken pipe");
      }
    }
  }

  @Test
  void aClosedStandardOutputStopsTheCommandQuietlyWith141() throws IOException {
    Path corpus = Files.writeString(dir.resolve("c.txt"), "lower newest widest\nlow low\n");
    Path codes = dir.resolve("c.bpe");
    assertEquals(
        0,
        CliRunner.run("bpe", "learn", "--input", "" + corpus, "--merges", "5", "--out", "" + codes)
            .exit());
    Path big = dir.resolve("big.txt");
    Files.write(big, java.util.Collections.nCopies(200_000, "lower newest widest low"));
    ClosingReader head = new ClosingReader(10_000);
    PrintStream saved = System.out;
    System.setOut(new PrintStream(head, false, StandardCharsets.UTF_8));
    CliRunner.Result r;
    try {
      r = CliRunner.run("bpe", "apply", "--codes", "" + codes, "--input", "" + big);
    } finally {
      System.setOut(saved);
    }
    assertEquals(141, r.exit(), r.err());
    assertEquals("", r.err());
    // it stopped at the first block that failed: ~8 KB after the reader left, not 5 MB later
    assertTrue(head.offered < 10_000 + 16_384, head.offered + " bytes offered");
  }
}
