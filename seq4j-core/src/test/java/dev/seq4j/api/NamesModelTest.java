package dev.seq4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.names.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names models trained from a configuration record, then classifying and generating. */
class NamesModelTest {
  @TempDir Path root;

  private TrainingResult train(String task, String model) throws IOException {
    Path names = Fixtures.corpus(root.resolve("names"), 40, 1);
    return Training.train(
        Fixtures.config(task, model, "{epochs: 3, batchSize: 16, learningRate: 0.01}", names),
        root.resolve(task),
        TrainingListener.NONE);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void aClassifierGivesTheTopLabelsMostProbableFirst() throws IOException {
    TrainingResult r = train("classify", "{cell: gru, embedding: 8, hidden: 16}");
    assertTrue(r.test().containsKey("accuracy"), r.test().toString());
    try (NamesModel m = NamesModel.load(r.runDir())) {
      assertEquals(NamesModel.Kind.CLASSIFIER, m.kind());
      assertEquals(List.of("Ez", "Ov", "Son"), m.labels(), "sorted");
      List<List<NamesModel.Prediction>> top = m.classify(List.of("Kabdov", "Gahez"), 2);
      assertEquals(2, top.size());
      for (List<NamesModel.Prediction> row : top) {
        assertEquals(2, row.size());
        assertTrue(row.get(0).probability() >= row.get(1).probability(), row.toString());
      }
      List<NamesModel.Prediction> all = m.classify(List.of("Abov"), 3).get(0);
      assertEquals(1.0, all.stream().mapToDouble(NamesModel.Prediction::probability).sum(), 1e-5);
      assertEquals("k must be >= 1, was 0", message(() -> m.classify(List.of("Abov"), 0)));
      assertEquals(
          "not a generator: this model classifies names",
          message(() -> m.generate(3, null, 1.0, 1)));
    }
  }

  @Test
  void aGeneratorWritesNamesReproduciblyBySeed() throws IOException {
    TrainingResult r =
        train("generate", "{cell: gru, embedding: 8, hidden: 16, conditioned: true}");
    try (NamesModel m = NamesModel.load(r.runDir())) {
      assertEquals(NamesModel.Kind.GENERATOR, m.kind());
      assertTrue(m.conditioned());
      List<String> names = m.generate(5, "Ov", 0.8, 7);
      assertEquals(5, names.size());
      assertEquals(names, m.generate(5, "Ov", 0.8, 7));
      assertNotEquals(names, m.generate(5, "Ov", 0.8, 8));
      assertEquals("count must be >= 1, was 0", message(() -> m.generate(0, "Ov", 1, 1)));
      assertEquals(
          "temperature must be finite and >= 0, was -1.0",
          message(() -> m.generate(1, "Ov", -1, 1)));
      assertEquals(
          "unknown nationality 'Xx' (one of: Ez, Ov, Son)",
          message(() -> m.generate(1, "Xx", 1, 1)));
      assertTrue(message(() -> m.generate(1, null, 1, 1)).startsWith("this model is conditioned"));
    }
  }
}
