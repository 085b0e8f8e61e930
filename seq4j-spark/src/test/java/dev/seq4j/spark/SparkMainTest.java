package dev.seq4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.data.synthetic.ReverseTask;
import dev.seq4j.eval.Bleu;
import dev.seq4j.train.TrainingRun;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.TranslationConfig;
import dev.seq4j.translate.TranslationExperiment;
import dev.seq4j.translate.Translator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code seq4j spark translate | evaluate | vocab} end to end in local[2]. */
class SparkMainTest {
  @TempDir Path dir;

  private String run(String... args) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, new CommandLine(new SparkMain()).execute(args), String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void translateEvaluateAndVocabFromTheCommandLine() throws Exception {
    Path data = dir.resolve("data");
    new ReverseTask(2, 6, 6).writeSplits(data, List.of("train", "valid"), List.of(200, 50), 3);
    String yaml =
        "name: spark-cli\ndata: {train: "
            + data.resolve("train")
            + ", valid: "
            + data.resolve("valid")
            + ", src: src, trg: trg, srcTokenizer: space, trgTokenizer: space}\n"
            + "model: {type: rnn, cell: gru, embedding: 8, hidden: 16, attention: general}\n"
            + "train: {epochs: 1, batchSize: 32}\n";
    Path model = dir.resolve("run");
    TranslationExperiment.run(
        TranslationConfig.parse(yaml, "x.yaml", List.of()), TrainingRun.in(model));
    List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("valid.src")));
    lines.add(3, "");
    Path input = Files.write(dir.resolve("in.txt"), lines);
    Path output = dir.resolve("out.txt");
    String said =
        run(
            "translate",
            "--master",
            "local[2]",
            "--model",
            model.toString(),
            "--input",
            input.toString(),
            "--output",
            output.toString());
    assertTrue(said.contains("spark translate: 51 lines, 0 errors"), said);
    List<String> expected;
    try (TranslationBundle b = TranslationBundle.load(model)) {
      expected = new Translator(b, b.config().decode()).translate(lines);
    }
    assertEquals(expected, Files.readAllLines(output));

    List<String> refs = new ArrayList<>(Files.readAllLines(data.resolve("valid.trg")));
    refs.add(3, "");
    Path ref = Files.write(dir.resolve("ref.txt"), refs);
    said =
        run(
            "evaluate",
            "--master",
            "local[2]",
            "--hyp",
            output.toString(),
            "--ref",
            ref.toString());
    assertTrue(
        said.contains(String.format("bleu      %.4f", Bleu.corpus(expected, refs).score())), said);

    Path counts = dir.resolve("counts.tsv");
    said =
        run(
            "vocab",
            "--master",
            "local[2]",
            "--input",
            input.toString(),
            "--tokenizer",
            "space",
            "--out",
            counts.toString());
    List<String> tsv = Files.readAllLines(counts);
    long total = tsv.stream().mapToLong(l -> Long.parseLong(l.split("\t")[1])).sum();
    long tokens =
        lines.stream().filter(l -> !l.isBlank()).mapToLong(l -> l.split(" ").length).sum();
    assertEquals(tokens, total);
    assertTrue(said.startsWith("spark vocab: " + tsv.size() + " tokens"), said);
  }
}
