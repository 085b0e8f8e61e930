package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.config.RunConfig;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.data.synthetic.ReverseTask;
import dev.seq4j.model.Parameters;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import dev.seq4j.translate.TranslationConfig;
import dev.seq4j.translate.TranslationExperiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run shows of itself: steps.jsonl, gradients.csv, samples.txt and their charts. */
class TrainingWatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path root;

  private TranslationConfig reverseConfig(String train) throws IOException {
    Path data = root.resolve("data");
    new ReverseTask(2, 6, 6).writeSplits(data, List.of("train", "valid"), List.of(200, 20), 5);
    String yaml =
        "seed: 3\n"
            + "data: {train: "
            + data.resolve("train")
            + ", valid: "
            + data.resolve("valid")
            + ", src: src, trg: trg}\n"
            + "model: {type: rnn, cell: gru, embedding: 8, hidden: 16, attention: dot}\n"
            + "train: "
            + train
            + "\n";
    return TranslationConfig.parse(yaml, "t.yaml", List.of());
  }

  private static List<JsonNode> steps(Path run) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve(StepLog.FILE), StandardCharsets.UTF_8)) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void stepsJsonlHasOneParsableLinePerLoggedStep() throws IOException {
    Path run = root.resolve("run");
    Trainer.TrainResult r =
        TranslationExperiment.run(
            reverseConfig(
                "{epochs: 2, batchSize: 32, learningRate: 0.01, logEvery: 3, gradEvery: 4,"
                    + " sampleEvery: 5}"),
            TrainingRun.in(run));
    List<JsonNode> lines = steps(run);
    assertEquals(r.steps() / 3, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode l = lines.get(i);
      assertEquals(3L * (i + 1), l.get("step").asLong());
      assertTrue(l.get("loss").asDouble() > 0, l.toString());
      assertEquals(0.01, l.get("learning_rate").asDouble(), 1e-12);
      assertTrue(l.get("grad_norm").asDouble() > 0, l.toString());
      assertEquals(l.get("grad_norm").asDouble() > 1.0, l.get("clipped").asBoolean(), l.toString());
      assertTrue(l.get("tokens_per_s").asDouble() > 0, l.toString());
      assertTrue(l.get("epoch").asDouble() > 0 && l.get("epoch").asDouble() <= 2, l.toString());
    }
    assertTrue(lines.get(lines.size() - 1).get("elapsed_s").asDouble() > 0);
    List<Map<String, Double>> grads = MetricsLog.read(run.resolve(GradientLog.FILE));
    assertEquals(r.steps() / 4, grads.size());
    assertEquals(
        List.of("step", "epoch", "embedding", "encoder.l0", "decoder.l0", "attention", "output"),
        new ArrayList<>(grads.get(0).keySet()));
    String samples = Files.readString(run.resolve(SampleLog.FILE));
    long blocks = samples.lines().filter(s -> s.startsWith("step ")).count();
    long evaluationsOffTheGrid = r.steps() % 5 == 0 ? 1 : 2; // the last epoch's may fall on it
    assertEquals(r.steps() / 5 + evaluationsOffTheGrid, blocks, samples);
    assertEquals(3 * blocks, samples.lines().filter(s -> s.startsWith("  output:")).count());
    for (String png : List.of("plots/gradients.png", "plots/bleu.png", "plots/loss.png")) {
      assertTrue(Files.size(run.resolve(png)) > 1000, png);
    }
    assertTrue(MetricsLog.read(run.resolve("metrics.csv")).get(0).containsKey("valid_chrf"));
    // writing them is counted, and is part of the training time
    double logSeconds = ((Number) r.figures().get("log_seconds")).doubleValue();
    assertTrue(
        logSeconds > 0 && logSeconds < ((Number) r.figures().get("train_seconds")).doubleValue(),
        r.figures().toString());
  }

  @Test
  void groupNormsSquaredSumToTheLoggedGlobalNormSquared() throws IOException {
    Path run = root.resolve("run");
    TranslationExperiment.run(
        reverseConfig("{epochs: 1, batchSize: 32, logEvery: 1, gradEvery: 1, sampleEvery: 0}"),
        TrainingRun.in(run));
    List<JsonNode> lines = steps(run);
    List<Map<String, Double>> grads = MetricsLog.read(run.resolve(GradientLog.FILE));
    assertEquals(lines.size(), grads.size());
    assertFalse(Files.exists(run.resolve(SampleLog.FILE)));
    for (int i = 0; i < lines.size(); i++) {
      double global = lines.get(i).get("grad_norm").asDouble();
      double squares = 0;
      for (Map.Entry<String, Double> e : grads.get(i).entrySet()) {
        if (!e.getKey().equals("step") && !e.getKey().equals("epoch")) {
          squares += e.getValue() * e.getValue();
        }
      }
      assertEquals(global * global, squares, 1e-4 * global * global, "step " + (i + 1));
    }
  }

  /**
   * One parameter vector w and the loss Σ(w − t)² over N "tokens": the gradient is 2(w − t)/N, and
   * plain SGD with clipping gives the next w by hand, so the norms of two steps are known exactly.
   */
  @Test
  void theLoggedNormIsTheNormClippingUsed() throws IOException {
    float[] w0 = {3f, -4f, 12f};
    float[] target = {1f, 1f, 1f};
    int tokens = 2;
    double clip = 0.5;
    double lr = 0.1;
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameters params = new Parameters(manager);
      NDArray w = params.constant("w", new Shape(3), 0f);
      w.set(w0);
      QuadraticTask task = new QuadraticTask(params, w, target, tokens);
      Path run = Files.createDirectories(root.resolve("quadratic"));
      new Trainer(task, quadraticConfig(clip, lr), run, TrainListener.NONE).fit();
      List<JsonNode> lines = steps(run);
      assertEquals(2, lines.size());
      double[] g0 = new double[3];
      double n0 = 0;
      for (int i = 0; i < 3; i++) {
        g0[i] = 2.0 * (w0[i] - target[i]) / tokens;
        n0 += g0[i] * g0[i];
      }
      n0 = Math.sqrt(n0);
      double coefficient = clip / (n0 + 1e-6);
      double n1 = 0;
      for (int i = 0; i < 3; i++) {
        double w1 = w0[i] - lr * coefficient * g0[i];
        double g1 = 2.0 * (w1 - target[i]) / tokens;
        n1 += g1 * g1;
      }
      n1 = Math.sqrt(n1);
      assertEquals(n0, lines.get(0).get("grad_norm").asDouble(), 1e-5 * n0);
      assertTrue(lines.get(0).get("clipped").asBoolean());
      assertEquals(n1, lines.get(1).get("grad_norm").asDouble(), 1e-5 * n1);
    }
  }

  private RunConfig quadraticConfig(double clip, double lr) {
    TrainConfig train =
        reverseConfigUnchecked(
                "{epochs: 1, batchSize: 1, optimizer: sgd, learningRate: "
                    + lr
                    + ", clipNorm: "
                    + clip
                    + ", logEvery: 1, gradEvery: 1}")
            .train();
    return new RunConfig() {
      @Override
      public String name() {
        return "quadratic";
      }

      @Override
      public long seed() {
        return 1;
      }

      @Override
      public TrainConfig train() {
        return train;
      }

      @Override
      public Task task() {
        return Task.TRANSLATE;
      }
    };
  }

  private TranslationConfig reverseConfigUnchecked(String train) {
    try {
      return reverseConfig(train);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Two batches of the quadratic loss; validation reports the current loss. */
  private record QuadraticTask(Parameters params, NDArray w, float[] target, int tokens)
      implements TrainingTask<Integer> {
    @Override
    public SavedModel model() {
      return new SavedModel() {
        @Override
        public void save(Path dir) throws IOException {
          RunDirectory.saveWeights(params, dir);
        }

        @Override
        public Parameters parameters() {
          return params;
        }
      };
    }

    @Override
    public List<Integer> batches(long shuffleSeed) {
      return Collections.nCopies(2, 0);
    }

    @Override
    public MaskedCrossEntropy.Result loss(Integer batch, NDManager scope, long step) {
      NDArray t = scope.create(target);
      NDArray sum = w.sub(t).square().sum();
      return new MaskedCrossEntropy.Result(sum, tokens, 0);
    }

    @Override
    public Map<String, Double> validate() {
      return Map.of("valid_loss", 1.0);
    }
  }
}
