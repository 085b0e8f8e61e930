package dev.seq4j.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code loss.png} and {@code accuracy.png} (train vs validation over epochs) and, where the
 * rows hold validation BLEU, {@code bleu.png} (BLEU and chrF per evaluation).
 */
public final class TrainingPlots {
  private TrainingPlots() {}

  /** Draws the curves of {@code rows} (metrics.csv rows) into {@code dir}. */
  public static void write(Path dir, List<Map<String, Double>> rows) throws IOException {
    double[] epoch = column(rows, "epoch");
    new LinePlot("Loss", "epoch", "cross-entropy per token")
        .add("train", epoch, column(rows, "train_loss"))
        .add("validation", epoch, column(rows, "valid_loss"))
        .writePng(dir.resolve("loss.png"), 800, 500);
    LinePlot accuracy =
        new LinePlot("Accuracy", "epoch", "accuracy")
            .legendBottom()
            .add("train (tokens)", epoch, column(rows, "train_acc"))
            .add("validation (tokens)", epoch, column(rows, "valid_acc"));
    double[] exact = column(rows, "valid_exact");
    if (anyFinite(exact)) {
      accuracy.add("validation (exact match)", epoch, exact);
    }
    accuracy.writePng(dir.resolve("accuracy.png"), 800, 500);
    writeBleu(dir, rows, epoch);
  }

  /** {@code bleu.png}: validation BLEU and chrF (both 0–100) per evaluation, when there is BLEU. */
  private static void writeBleu(Path dir, List<Map<String, Double>> rows, double[] epoch)
      throws IOException {
    double[] bleu = column(rows, "valid_bleu");
    if (!anyFinite(bleu)) {
      return;
    }
    LinePlot chart =
        new LinePlot("Validation BLEU and chrF", "epoch", "score (0-100)")
            .legendBottom()
            .add("BLEU", epoch, bleu);
    double[] chrf = column(rows, "valid_chrf");
    if (anyFinite(chrf)) {
      chart.add("chrF", epoch, chrf);
    }
    chart.writePng(dir.resolve("bleu.png"), 800, 500);
  }

  private static boolean anyFinite(double[] v) {
    return Arrays.stream(v).anyMatch(Double::isFinite);
  }

  private static double[] column(List<Map<String, Double>> rows, String key) {
    return rows.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).toArray();
  }
}
