package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each console line goes: the terminal (as the level and --quiet allow) and train.log. */
class ConsoleLogTest {
  @TempDir Path dir;

  private String[] run(boolean quiet, ConsoleLog.Level level, String... lines) throws IOException {
    PrintStream saved = System.err;
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    try (ConsoleLog log = ConsoleLog.open(dir, quiet, level)) {
      for (String line : lines) {
        System.err.print(line);
        System.err.flush();
      }
      log.record("train: outcome=completed");
    } finally {
      System.setErr(saved);
    }
    return new String[] {
      terminal.toString(StandardCharsets.UTF_8), Files.readString(dir.resolve(ConsoleLog.FILE))
    };
  }

  private static final String[] LINES = {
    "[INFO] Trainer - data: 200 pairs\n",
    "\repoch 1 [==  ] 1/2",
    "\repoch 1 [====] 2/2\n",
    "[WARN] RunDirectory - no manifest\n",
    "[ERROR] Trainer - it broke\n",
    "\tat dev.seq4j.Trainer.step(Trainer.java:1)\n",
    "epoch 1: train loss 1.0\n"
  };

  @Test
  void quietShowsOnlyErrorsButTheLogKeepsEverything() throws IOException {
    String[] out = run(true, ConsoleLog.Level.INFO, LINES);
    assertEquals(
        "[ERROR] Trainer - it broke\n\tat dev.seq4j.Trainer.step(Trainer.java:1)\n", out[0]);
    assertEquals(
        "[INFO] Trainer - data: 200 pairs\n"
            + "epoch 1 [====] 2/2\n"
            + "[WARN] RunDirectory - no manifest\n"
            + "[ERROR] Trainer - it broke\n"
            + "\tat dev.seq4j.Trainer.step(Trainer.java:1)\n"
            + "epoch 1: train loss 1.0\n"
            + "train: outcome=completed\n",
        out[1]);
  }

  @Test
  void theProgressBarReachesTheTerminalAsItIsDrawn() throws IOException {
    String[] out = run(false, ConsoleLog.Level.INFO, LINES);
    assertEquals(String.join("", LINES), out[0]);
  }

  @Test
  void aLogLevelDropsLowerLinesEverywhere() throws IOException {
    String[] out = run(false, ConsoleLog.Level.WARN, LINES);
    String expected =
        "[WARN] RunDirectory - no manifest\n"
            + "[ERROR] Trainer - it broke\n"
            + "\tat dev.seq4j.Trainer.step(Trainer.java:1)\n";
    assertEquals(expected, out[0]);
    assertEquals(expected + "train: outcome=completed\n", out[1]);
  }
}
