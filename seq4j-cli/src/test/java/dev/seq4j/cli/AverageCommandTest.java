package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.seq4j.train.RunDirectory;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train.keepCheckpoints} and {@code seq4j average} on a tiny trained run. */
class AverageCommandTest {
  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void train() throws IOException {
    run =
        TinyRun.train(
            dir,
            "avg",
            5,
            200,
            40,
            "srcTokenizer: char, trgTokenizer: char",
            "type: rnn, cell: gru, embedding: 8, hidden: 16, attention: dot",
            "epochs: 2, batchSize: 32, learningRate: 0.01, evalEverySteps: 3, keepCheckpoints: 3");
  }

  @Test
  void theRunKeepsItsLastThreeEvaluationCheckpoints() throws IOException {
    List<Path> steps = new RunDirectory(run).stepCheckpoints();
    assertEquals(3, steps.size(), steps.toString());
    // 200 pairs in batches of 32: 7 steps an epoch, evaluations every 3 steps (3, 6, 9, 12) and
    // at each epoch's end (7, 14)
    assertEquals(
        List.of("step-000009", "step-000012", "step-000014"),
        steps.stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void theAverageIsTheElementWiseMeanAndTranslates() throws Exception {
    Path out = dir.resolve("averaged");
    CliRunner.Result r =
        CliRunner.run("average", "--model", run.toString(), "--last", "3", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<float[][]> members = new ArrayList<>();
    for (Path step : new RunDirectory(run).stepCheckpoints()) {
      members.add(weights(step));
    }
    float[][] mean = weights(out);
    for (int p = 0; p < mean.length; p++) {
      for (int i = 0; i < mean[p].length; i++) {
        float expected = (members.get(0)[p][i] + members.get(1)[p][i] + members.get(2)[p][i]) / 3f;
        assertEquals(expected, mean[p][i], Math.ulp(expected), "parameter " + p + " index " + i);
      }
    }
    Path input = Files.writeString(dir.resolve("in.txt"), "a b c\n");
    r =
        CliRunner.run(
            "translate",
            "--model",
            out.toString(),
            "--input",
            input.toString(),
            "--output",
            dir.resolve("out.txt").toString());
    assertEquals(0, r.exit(), r.err());
  }

  @Test
  void checkpointsOfAnotherConfigurationAreRefusedByName() throws Exception {
    Path last = new RunDirectory(run).stepCheckpoints().get(2);
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    for (Path f : Files.list(last).toList()) {
      Files.copy(f, other.resolve(f.getFileName()));
    }
    Files.delete(other.resolve("MANIFEST.sha256"));
    Path config = other.resolve("config.yaml");
    Files.writeString(config, Files.readString(config).replace("hidden: 16", "hidden: 17"));
    CliRunner.Result r =
        CliRunner.run(
            "average",
            "--model",
            run.toString(),
            "--checkpoints",
            "step-000014",
            other.toString(),
            "--out",
            dir.resolve("bad").toString());
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: cannot average "
            + other
            + " with "
            + last
            + ": its config.yaml differs (checkpoints of one model have the same configuration,"
            + " vocabularies and shapes)\n",
        r.err());
    assertTrue(!Files.exists(dir.resolve("bad")));
  }

  /** Every parameter of the model in {@code checkpoint}, in creation order. */
  private static float[][] weights(Path checkpoint) throws IOException {
    try (TranslationBundle b = TranslationBundle.load(checkpoint)) {
      Map<String, NDArray> params = b.parameters().asMap();
      float[][] out = new float[params.size()][];
      int p = 0;
      for (NDArray a : params.values()) {
        out[p++] = a.toFloatArray();
      }
      return out;
    }
  }
}
