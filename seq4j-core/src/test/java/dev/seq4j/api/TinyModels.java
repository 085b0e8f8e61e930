package dev.seq4j.api;

import dev.seq4j.data.synthetic.ReverseTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One tiny reverse-task translation model, trained through the API once per test JVM (a few
 * seconds), with the events its listener heard.
 */
final class TinyModels {
  private static Trained translation;

  private TinyModels() {}

  /**
   * The trained run and what its listener recorded.
   *
   * @param steps (epoch, batch, batches) of each onStep call
   */
  record Trained(
      Path root,
      Path config,
      TrainingResult result,
      List<int[]> steps,
      List<Map<String, Object>> rows) {}

  /** The translation model: GRU with dot attention, 2 epochs on 300 reversal pairs. */
  static synchronized Trained translation() {
    if (translation == null) {
      try {
        translation = train();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return translation;
  }

  private static Trained train() throws IOException {
    Path root = Files.createTempDirectory("seq4j-api-test");
    Path data = root.resolve("data");
    new ReverseTask(2, 6, 6).writeSplits(data, List.of("train", "valid"), List.of(300, 40), 5);
    Path config = root.resolve("reverse.yaml");
    Files.writeString(
        config,
        "seed: 3\n"
            + "data: {train: '"
            + data.resolve("train")
            + "', valid: '"
            + data.resolve("valid")
            + "', src: src, trg: trg}\n"
            + "model: {type: rnn, cell: gru, embedding: 8, hidden: 16, attention: dot}\n"
            + "train: {epochs: 2, batchSize: 32, learningRate: 0.01}\n");
    List<int[]> steps = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onStep(
              int epoch, int batch, int batches, double loss, double tokensPerSecond) {
            steps.add(new int[] {epoch, batch, batches});
          }

          @Override
          public void onEvaluation(Map<String, Object> row) {
            rows.add(row);
          }
        };
    TrainingResult r =
        Training.train(config, List.of("decode.beamSize=4"), root.resolve("run"), listener);
    return new Trained(root, config, r, List.copyOf(steps), List.copyOf(rows));
  }

  /** Sources of the reverse task: {@code n} lines of 2 to 6 of the letters a–f. */
  static List<String> sources(int n, long seed) {
    ReverseTask task = new ReverseTask(2, 6, 6);
    java.util.Random random = new java.util.Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(task.sample(random).src());
    }
    return out;
  }
}
