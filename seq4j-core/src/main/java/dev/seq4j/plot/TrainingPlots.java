package dev.seq4j.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes {@code loss.png} and {@code accuracy.png} (train vs validation over epochs). */
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
    if (java.util.Arrays.stream(exact).anyMatch(Double::isFinite)) {
      accuracy.add("validation (exact match)", epoch, exact);
    }
    accuracy.writePng(dir.resolve("accuracy.png"), 800, 500);
  }

  private static double[] column(List<Map<String, Double>> rows, String key) {
    return rows.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).toArray();
  }
}
