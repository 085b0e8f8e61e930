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

  @Override
  public void onEvaluation(Map<String, Object> row) {
    err.printf(
        Locale.ROOT,
        "%nepoch %s: train loss %.4f acc %.3f | valid loss %.4f acc %.3f exact %.3f BLEU %.2f | %.0f s%n",
        row.get("epoch"),
        row.get("train_loss"),
        row.get("train_acc"),
        row.get("valid_loss"),
        row.get("valid_acc"),
        row.get("valid_exact"),
        row.get("valid_bleu"),
        row.get("seconds"));
    err.flush();
  }
}
