package dev.seq4j.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.config.ConfigException;
import dev.seq4j.train.TrainOutcome;
import dev.seq4j.train.TrainingRun;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training names models end to end on a small synthetic corpus. */
class NamesExperimentTest {
  @TempDir Path root;

  private NamesConfig config(String task, String model, String train) {
    return Fixtures.config(task, model, train, root.resolve("names"));
  }

  @Test
  void aClassifierLearnsTheEndingsAndWritesItsReports() throws IOException {
    Fixtures.corpus(root.resolve("names"), 60, 1);
    Path run = root.resolve("run");
    NamesConfig c =
        config(
            "classify",
            "{cell: gru, embedding: 8, hidden: 24, bidirectional: true, mlpHidden: 16}",
            "{epochs: 12, batchSize: 16, learningRate: 0.01, metric: accuracy, classWeights:"
                + " balanced}");
    NamesExperiment.Outcome o = NamesExperiment.run(c, TrainingRun.in(run));
    assertEquals(TrainOutcome.COMPLETED, o.train().outcome());
    for (String f :
        List.of(
            "config.yaml",
            "data.json",
            "metrics.csv",
            "metrics.json",
            "test.json",
            "confusion.csv",
            "plots/confusion.png",
            "plots/loss.png",
            "checkpoints/best/labels.txt",
            "checkpoints/best/chars.vocab")) {
      assertTrue(Files.isRegularFile(run.resolve(f)), f);
    }
    // 60 names a label: 42 / 9 / 9
    Map<?, ?> data = new ObjectMapper().readValue(run.resolve("data.json").toFile(), Map.class);
    assertEquals(126, data.get("train"));
    assertEquals(27, data.get("test"));
    double accuracy = ((Number) o.test().get("accuracy")).doubleValue();
    assertTrue(accuracy >= 0.9, "test accuracy " + accuracy);
    assertTrue(
        Files.readString(run.resolve("metrics.csv"))
            .startsWith(
                "epoch,step,learning_rate,train_loss,train_acc,valid_loss,valid_acc,valid_macro_f1,"));
    try (NamesBundle b = NamesBundle.load(run)) {
      List<List<Classify.Scored>> top = Classify.top(b, List.of("Kabdov", "Gahez", "Bebson"), 3);
      assertEquals("Ov", top.get(0).get(0).label());
      assertEquals("Ez", top.get(1).get(0).label());
      assertEquals("Son", top.get(2).get(0).label());
      for (List<Classify.Scored> t : top) {
        double sum = t.stream().mapToDouble(Classify.Scored::probability).sum();
        assertEquals(1.0, sum, 1e-5, "three labels: the top 3 is all of the mass");
        assertTrue(t.get(0).probability() >= t.get(1).probability());
      }
      assertEquals(
          1, Classify.top(b, List.of("Abov"), 1).get(0).size(), "--top 1 prints one label");
    }
    // a names model is not a translator
    assertThrows(ConfigException.class, () -> TranslationBundle.load(run));
    // the run directory is not trained over
    assertEquals(
        run + " already holds a training run: use --resume to continue it, or another --out",
        assertThrows(
                IllegalArgumentException.class, () -> NamesExperiment.run(c, TrainingRun.in(run)))
            .getMessage());
  }

  @Test
  void aConditionedGeneratorTrainsResumesAndSamples() throws IOException {
    Fixtures.corpus(root.resolve("names"), 40, 2);
    Path run = root.resolve("gen");
    NamesConfig two =
        config(
            "generate",
            "{cell: gru, embedding: 8, hidden: 32, conditioned: true}",
            "{epochs: 2, batchSize: 16, learningRate: 0.01}");
    NamesExperiment.run(two, TrainingRun.in(run));
    NamesConfig more =
        config(
            "generate",
            "{cell: gru, embedding: 8, hidden: 32, conditioned: true}",
            "{epochs: 15, batchSize: 16, learningRate: 0.01}");
    Files.writeString(run.resolve("config.yaml"), more.toYaml());
    NamesExperiment.Outcome o = NamesExperiment.run(more, TrainingRun.in(run).resuming(true));
    assertEquals(15, o.train().epochs());
    List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
    assertEquals(16, rows.size(), "header and one row per epoch, resumed after epoch 2");
    double ppl = ((Number) o.test().get("perplexity")).doubleValue();
    assertTrue(ppl > 1 && ppl < 8, "test perplexity " + ppl);
    assertTrue(Files.readString(run.resolve("samples.txt")).startsWith("Ez\t"));
    try (NamesBundle b = NamesBundle.load(run)) {
      int ez = b.labelId("Ez");
      List<String> names = NameSampler.sample(b, ez, 50, 0.5, 4, 30);
      long endingEz = names.stream().filter(n -> n.endsWith("ez")).count();
      assertTrue(endingEz >= 40, endingEz + " of 50 Ez names end in -ez: " + names);
    }
  }
}
