package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seq4j train} on names configs, {@code seq4j classify} and {@code seq4j generate}. */
class NamesCliTest {
  @TempDir Path dir;

  @BeforeEach
  void writeNames() throws IOException {
    Path names = Files.createDirectories(dir.resolve("names"));
    Files.write(names.resolve("Ov.txt"), List.of("Ivanov", "Petrov", "Sidorov", "Orlov", "Popov"));
    Files.write(names.resolve("Ez.txt"), List.of("Lopez", "Perez", "Gomez", "Diaz", "Ruiz"));
  }

  private Path config(String task, String model) throws IOException {
    return Files.writeString(
        dir.resolve(task + ".yaml"),
        "task: "
            + task
            + "\ndata: {folder: \""
            + dir.resolve("names")
            + "\", trainShare: 0.6, validShare: 0.2}\nmodel: "
            + model
            + "\ntrain: {epochs: 3, batchSize: 4, learningRate: 0.01}\n");
  }

  /** {@code seq4j train} of a names config into {@code run}; asserts it succeeded. */
  private CliRunner.Result train(String task, String model, Path run) throws IOException {
    CliRunner.Result r =
        CliRunner.run("train", "--config", config(task, model).toString(), "--out", run.toString());
    assertEquals(0, r.exit(), r.err());
    return r;
  }

  @Test
  void trainThenClassify() throws IOException {
    Path run = dir.resolve("cls");
    CliRunner.Result r = train("classify", "{hidden: 8, embedding: 4, mlpHidden: 0}", run);
    assertTrue(r.out().startsWith("train: outcome=completed epochs=3"), r.out());
    assertTrue(r.out().contains("test: accuracy="), r.out());
    assertTrue(r.out().contains("test: macro_f1="), r.out());

    Path out = dir.resolve("labels.tsv");
    r =
        CliRunner.run(
            "classify", "--model", run.toString(), "--output", out.toString(), "Volkov", "Sanchez");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size());
    for (String line : lines) {
      String[] f = line.split("\t");
      assertEquals(3, f.length, "the name and both labels: " + line); // only 2 labels exist
      double p1 = Double.parseDouble(f[1].split(" ")[1]);
      double p2 = Double.parseDouble(f[2].split(" ")[1]);
      assertEquals(1.0, p1 + p2, 2e-4);
      assertTrue(p1 >= p2);
    }
    assertTrue(lines.get(0).startsWith("Volkov\t"));

    Path input = Files.write(dir.resolve("in.txt"), List.of("Kozlov", " ", "Ortiz"));
    Path fromFile = dir.resolve("file.tsv");
    r =
        CliRunner.run(
            "classify",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--top",
            "1",
            "--output",
            fromFile.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> three = Files.readAllLines(fromFile);
    assertEquals(3, three.size(), "a blank line keeps its place: " + three);
    assertEquals("", three.get(1));
    assertTrue(three.get(2).startsWith("Ortiz\t") && three.get(2).split("\t").length == 2);
    Files.write(input, new byte[] {'A', 'b', (byte) 0xC3, '(', '\n'});
    r =
        CliRunner.run(
            "classify",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--output",
            dir.resolve("never.tsv").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("seq4j: error: " + input + ":1"), r.err());
    assertTrue(Files.notExists(dir.resolve("never.tsv")), "no partial output");

    r = CliRunner.run("generate", "--model", run.toString());
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: " + run + ": a classifier (task classify): use seq4j classify\n", r.err());
    r = CliRunner.run("translate", "--model", run.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("task is 'classify', not a translation experiment"), r.err());
  }

  @Test
  void trainThenGenerate() throws IOException {
    Path run = dir.resolve("gen");
    CliRunner.Result r = train("generate", "{hidden: 8, embedding: 4, conditioned: true}", run);
    assertTrue(r.out().contains("test: perplexity="), r.out());
    assertTrue(r.out().contains("test: novel_share="), r.out());

    Path out = dir.resolve("names.txt");
    r =
        CliRunner.run(
            "generate",
            "--model",
            run.toString(),
            "--nationality",
            "Ez",
            "--count",
            "4",
            "--temperature",
            "0",
            "--max-length",
            "6",
            "--output",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> names = Files.readAllLines(out);
    assertEquals(4, names.size());
    assertEquals(1, new HashSet<>(names).size(), "temperature 0 is greedy: " + names);
    assertTrue(names.get(0).length() <= 6);

    r = CliRunner.run("generate", "--model", run.toString(), "--count", "2");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --nationality is required: this model is conditioned on one of Ez, Ov\n",
        r.err());
    r = CliRunner.run("generate", "--model", run.toString(), "--nationality", "Korean");
    assertEquals("seq4j: error: unknown nationality 'Korean' (one of: Ez, Ov)\n", r.err());
    r =
        CliRunner.run(
            "generate", "--model", run.toString(), "--nationality", "Ov", "--temperature", "-1");
    assertEquals("seq4j: error: --temperature must be >= 0, was -1.0\n", r.err());
  }
}
