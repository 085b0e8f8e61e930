package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What libtorch itself writes to stderr (file descriptor 2, which System.err cannot capture): the
 * commands run in a child JVM. Issue 22: every model load printed libtorch's
 * "AutoNonVariableTypeMode is deprecated" warning, from DJL's {@code set(Buffer)}.
 */
class NativeStderrTest {
  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void train() throws IOException {
    run =
        TinyRun.train(
            dir,
            "tiny",
            5,
            100,
            20,
            "",
            "type: rnn, cell: gru, embedding: 8, hidden: 16",
            "epochs: 1, batchSize: 32, learningRate: 0.01");
  }

  /** Runs {@code seq4j ARGS} in a child JVM with {@code stdin}; its exit status and stderr. */
  private static CliRunner.Result child(String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName()));
    command.addAll(List.of(args));
    Path err = dir.resolve("stderr.txt");
    Path out = dir.resolve("stdout.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectError(err.toFile())
            .redirectOutput(out.toFile())
            .start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child finished");
    return new CliRunner.Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void translateWritesNoLibtorchWarningToStderr() throws Exception {
    CliRunner.Result r = child("a b c\n", "translate", "--model", run.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    assertFalse(r.err().contains("AutoNonVariableTypeMode"), r.err());
    assertFalse(r.err().contains("Warning:"), r.err());
  }
}
