package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.data.synthetic.ReverseTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --ref-case}: a lowercasing model scored against cased references. */
class EvaluateCommandTest {
  @TempDir Path dir;

  @Test
  void asGivenReferencesScoreLikeSeq4jScoreAndDifferFromNormalisedOnes() throws IOException {
    Path run = trainLowercasingModel();
    Path src = dir.resolve("data/valid.src");
    Path cased = dir.resolve("valid.cased.trg"); // sentence case: the model can never write it
    List<String> refs =
        Files.readAllLines(dir.resolve("data/valid.trg")).stream()
            .map(l -> l.isEmpty() ? l : Character.toUpperCase(l.charAt(0)) + l.substring(1))
            .toList();
    Files.write(cased, refs);

    Map<?, ?> normalised = evaluate(run, src, cased, "model");
    Map<?, ?> asGiven = evaluate(run, src, cased, "as-given");
    double bleuNormalised = ((Number) normalised.get("bleu")).doubleValue();
    double bleuAsGiven = ((Number) asGiven.get("bleu")).doubleValue();
    assertNotEquals(bleuNormalised, bleuAsGiven);
    assertTrue(bleuAsGiven < bleuNormalised, bleuAsGiven + " vs " + bleuNormalised);

    Path hyp = dir.resolve("valid.hyp");
    CliRunner.Result t =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            src.toString(),
            "--output",
            hyp.toString());
    assertEquals(0, t.exit(), t.err());
    CliRunner.Result s =
        CliRunner.run("score", "--hyp", hyp.toString(), "--ref", cased.toString(), "--json");
    assertEquals(0, s.exit(), s.err());
    Map<?, ?> scored = new ObjectMapper().readValue(s.out(), Map.class);
    assertEquals(((Number) scored.get("bleu")).doubleValue(), bleuAsGiven, 1e-9);
    assertEquals(
        ((Number) scored.get("chrf")).doubleValue(),
        ((Number) asGiven.get("chrf")).doubleValue(),
        1e-9);
    assertEquals(
        ((Number) scored.get("exact_match")).doubleValue(),
        ((Number) asGiven.get("exact_match")).doubleValue(),
        1e-12);
  }

  @Test
  void unknownRefCaseIsAnError() {
    CliRunner.Result r =
        CliRunner.run(
            "evaluate", "--model", "m", "--src", "s", "--ref", "r", "--ref-case", "upper");
    assertEquals(2, r.exit());
    assertEquals("seq4j: error: --ref-case: expected model or as-given, was 'upper'\n", r.err());
  }

  private Map<?, ?> evaluate(Path run, Path src, Path ref, String refCase) throws IOException {
    CliRunner.Result r =
        CliRunner.run(
            "evaluate",
            "--model",
            run.toString(),
            "--src",
            src.toString(),
            "--ref",
            ref.toString(),
            "--ref-case",
            refCase,
            "--json");
    assertEquals(0, r.exit(), r.err());
    return new ObjectMapper().readValue(r.out(), Map.class);
  }

  private Path trainLowercasingModel() throws IOException {
    Path data = dir.resolve("data");
    // two symbols, long lines: even a barely trained model matches many n-grams
    new ReverseTask(6, 8, 2).writeSplits(data, List.of("train", "valid"), List.of(200, 40), 1);
    Path config = dir.resolve("exp.yaml");
    Files.writeString(
        config,
        "name: tiny-lower\n"
            + "data: {train: "
            + data.resolve("train")
            + ", valid: "
            + data.resolve("valid")
            + ", src: src, trg: trg, lowercase: true}\n"
            + "model: {type: rnn, cell: lstm, embedding: 8, hidden: 16}\n"
            + "train: {epochs: 2, batchSize: 32, learningRate: 0.01}\n");
    Path run = dir.resolve("run");
    CliRunner.Result r =
        CliRunner.run("train", "--config", config.toString(), "--out", run.toString());
    assertEquals(0, r.exit(), r.err());
    return run;
  }
}
