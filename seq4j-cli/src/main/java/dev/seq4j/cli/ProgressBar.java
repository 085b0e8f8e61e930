package dev.seq4j.cli;

import dev.seq4j.train.TrainListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Draws training progress on standard error: one updating line per epoch, one line per evaluation.
 */
final class ProgressBar implements TrainListener {
  private final PrintStream err;
  private final boolean terminal = System.console() != null;
  private long lastDraw;

  ProgressBar(PrintStream err) {
    this.err = err;
  }

  @Override
  public void onStep(int epoch, int batch, int batches, double loss, double tokensPerSecond) {
    long now = System.nanoTime();
    long interval = terminal ? 200_000_000L : 30_000_000_000L;
    if (batch != batches && now - lastDraw < interval) {
      return;
    }
    lastDraw = now;
    int width = 30;
    int filled = (int) Math.round(width * batch / (double) batches);
    err.printf(
        Locale.ROOT,
        (terminal ? "\r" : "")
            + "epoch %d [%s%s] %d/%d loss %.4f %,.0f tok/s   "
            + (terminal ? "" : "%n"),
        epoch,
        "=".repeat(filled),
        " ".repeat(width - filled),
        batch,
        batches,
        loss,
        tokensPerSecond);
    err.flush();
  }

  /** Optional validation columns and how the evaluation line shows them. */
  private static final String[][] EXTRAS = {
    {"valid_exact", "exact %.3f"},
    {"valid_bleu", "BLEU %.2f"},
    {"valid_macro_f1", "macro F1 %.3f"},
    {"valid_ppl", "ppl %.3f"}
  };

  @Override
  public void onEvaluation(Map<String, Object> row) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nepoch %s: train loss %.4f acc %.3f | valid loss %.4f acc %.3f",
                row.get("epoch"),
                row.get("train_loss"),
                row.get("train_acc"),
                row.get("valid_loss"),
                row.get("valid_acc")));
    for (String[] extra : EXTRAS) {
      if (row.get(extra[0]) instanceof Double v) {
        line.append(' ').append(String.format(Locale.ROOT, extra[1], v));
      }
    }
    line.append(String.format(Locale.ROOT, " | %.0f s%n", row.get("seconds")));
    err.print(line);
    err.flush();
  }
}
