package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading commands refuse a model whose files fail verification, in one line with exit 2. */
class CorruptModelCliTest {
  @TempDir static Path trained;
  @TempDir Path dir;
  private static Path run;
  private static Path input;

  @BeforeAll
  static void train() throws IOException {
    run =
        TinyRun.train(
            trained,
            "tiny",
            5,
            200,
            40,
            "",
            "type: rnn, cell: gru, embedding: 8, hidden: 16",
            "epochs: 2, batchSize: 32, learningRate: 0.01");
    input = Files.writeString(trained.resolve("in.txt"), "a b c\nd e\n");
  }

  private Path copy() throws IOException {
    Path to = dir.resolve("run");
    try (Stream<Path> s = Files.walk(run)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(run.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }

  private static void flipOneBit(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x01);
    }
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 0xFF);
    return b;
  }

  private static CliRunner.Result translate(Path model, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("translate", "--model", model.toString(), "--input", input.toString()));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void translateExitsWith2AndOneLineOnACorruptCheckpoint() throws IOException {
    Path best = copy().resolve("checkpoints/best");
    flipOneBit(best.resolve("model.safetensors"));
    CliRunner.Result r = translate(best);
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals(
        "seq4j: error: " + best + ": model.safetensors is corrupt (SHA-256 mismatch)\n", r.err());
  }

  @Test
  void aRunWhoseBestIsCorruptTranslatesWithItsLast() throws IOException {
    Path copy = copy();
    Path weights = copy.resolve("checkpoints/best/model.safetensors");
    try (RandomAccessFile f = new RandomAccessFile(weights.toFile(), "rw")) {
      f.seek(f.length() / 4); // 0xFF bytes are NaN floats: unverified, the model answers ""
      f.write(filled((int) (f.length() / 2)));
    }
    Path fromRun = dir.resolve("run.txt");
    Path fromLast = dir.resolve("last.txt");
    CliRunner.Result r = translate(copy, "--output", fromRun.toString());
    assertEquals(0, r.exit(), r.err());
    r = translate(copy.resolve("checkpoints/last"), "--output", fromLast.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(fromRun);
    assertEquals(Files.readAllLines(fromLast), lines);
    assertEquals(2, lines.stream().filter(l -> !l.isBlank()).count(), lines.toString());
  }

  @Test
  void evaluateAndServeRefuseARunWhoseCheckpointsAreBothCorrupt() throws IOException {
    Path copy = copy();
    flipOneBit(copy.resolve("checkpoints/best/model.safetensors"));
    Files.write(copy.resolve("checkpoints/last/model.safetensors"), new byte[0]);
    String expected =
        "seq4j: error: "
            + copy
            + ": no checkpoint passes verification: "
            + copy.resolve("checkpoints/best")
            + ": model.safetensors is corrupt (SHA-256 mismatch); "
            + copy.resolve("checkpoints/last")
            + ": model.safetensors is empty (0 bytes; SHA-256 mismatch)\n";
    CliRunner.Result r =
        CliRunner.run(
            "evaluate",
            "--model",
            copy.toString(),
            "--src",
            trained.resolve("data/valid.src").toString(),
            "--ref",
            trained.resolve("data/valid.trg").toString());
    assertEquals(2, r.exit());
    assertEquals(expected, r.err());
    CliRunner.Result served =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> CliRunner.run("serve", "--model", copy.toString(), "--port", "0"),
            "serve must refuse the model, not start");
    assertEquals(2, served.exit());
    assertEquals(expected, served.err());
    assertFalse(served.out().contains("ready"), served.out());
  }
}
