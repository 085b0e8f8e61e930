package dev.seq4j.cli;

import dev.seq4j.config.TrainConfig;
import dev.seq4j.train.TrainListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Draws training progress on standard error: one updating line per epoch, one line per evaluation.
 * The line ends with the ETA of the epoch (from the time per batch so far in this epoch) and, with
 * an epoch count or a time limit, of the run: the remaining epochs at the same pace (validation not
 * counted), capped by what is left of {@code train.timeLimitMinutes} as this process has seen it.
 */
final class ProgressBar implements TrainListener {
  private final PrintStream err;
  private final boolean terminal = System.console() != null;
  private final int epochs;
  private final double timeLimitSeconds;
  private final long startedNanos = System.nanoTime();
  private long lastDraw;
  private int epochSeen = -1;
  private long epochStartNanos;
  private int epochStartBatch;

  ProgressBar(PrintStream err, TrainConfig plan) {
    this.err = err;
    this.epochs = plan.epochs();
    this.timeLimitSeconds = plan.timeLimitMinutes() * 60;
  }

  @Override
  public void onStep(int epoch, int batch, int batches, double loss, double tokensPerSecond) {
    long now = System.nanoTime();
    if (epoch != epochSeen) {
      epochSeen = epoch;
      epochStartNanos = now;
      epochStartBatch = batch - 1;
    }
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
            + "epoch %d [%s%s] %d/%d loss %.4f %,.0f tok/s%s   "
            + (terminal ? "" : "%n"),
        epoch,
        "=".repeat(filled),
        " ".repeat(width - filled),
        batch,
        batches,
        loss,
        tokensPerSecond,
        eta(epoch, batch, batches, now));
    err.flush();
  }

  /** {@code " | ETA epoch 1:02, run 14:10"}; empty before the pace is known. */
  String eta(int epoch, int batch, int batches, long now) {
    int done = batch - epochStartBatch;
    if (done <= 0 || now <= epochStartNanos) {
      return "";
    }
    double perBatch = (now - epochStartNanos) / 1e9 / done;
    double epochLeft = perBatch * (batches - batch);
    double runLeft = epochLeft + perBatch * batches * Math.max(0, epochs - epoch);
    if (timeLimitSeconds > 0) {
      runLeft = Math.min(runLeft, Math.max(0, timeLimitSeconds - (now - startedNanos) / 1e9));
    }
    return " | ETA epoch " + clock(epochLeft) + ", run " + clock(runLeft);
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
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
