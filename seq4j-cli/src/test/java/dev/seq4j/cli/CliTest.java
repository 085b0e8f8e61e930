package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class CliTest {
  @TempDir Path dir;

  @Test
  void helpListsSubcommandsAndEachHasAnExample() {
    CliRunner.Result r = CliRunner.run("--help");
    assertEquals(0, r.exit());
    for (String c :
        List.of(
            "quickstart",
            "train",
            "translate",
            "evaluate",
            "classify",
            "generate",
            "corpus",
            "vocab",
            "bpe",
            "bench",
            "info")) {
      assertTrue(r.out().contains("  " + c + " "), c);
      CliRunner.Result sub = CliRunner.run(c, "--help");
      assertEquals(0, sub.exit(), c);
      assertTrue(sub.out().contains("Example"), c + " has an example:\n" + sub.out());
    }
  }

  @Test
  void errorsAreOneLineWithExitCode2() throws IOException {
    CliRunner.Result r = CliRunner.run("train", "--config", dir.resolve("none.yaml").toString());
    assertEquals(2, r.exit());
    assertEquals("seq4j: error: " + dir.resolve("none.yaml") + ": no such file\n", r.err());

    Path config = writeConfig();
    r = CliRunner.run("train", "--config", config.toString(), "--set", "train.learningRate=NaN");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --set train.learningRate=NaN: train.learningRate: must be a finite number, was NaN\n",
        r.err());

    r = CliRunner.run("train", "--config", config.toString(), "--set", "train.batchSize=0");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --set train.batchSize=0: train.batchSize: must be in [1, 1000000], was 0\n",
        r.err());

    r = CliRunner.run("bench", "p9");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: unknown workload 'p9' (known: p0, p1, p2, p3, p4a, p4b, p4c, serve)\n",
        r.err());

    r = CliRunner.run("train", "--config", config.toString(), "--bogus");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("seq4j: error: Unknown option: '--bogus'"), r.err());
  }

  @Test
  void trainTranslateEvaluateEndToEnd() throws IOException {
    Path config = writeConfig();
    Path run = dir.resolve("run");
    CliRunner.Result r =
        CliRunner.run("train", "--config", config.toString(), "--out", run.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("train: outcome=completed epochs=2"), r.out());

    Path input = dir.resolve("in.txt");
    Files.writeString(input, "a b c\n\nd e\n   \nf\n");
    Path output = dir.resolve("out.txt");
    r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--output",
            output.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(output);
    assertEquals(5, lines.size());
    assertEquals("", lines.get(1));
    assertEquals("", lines.get(3));

    r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--output",
            input.toString());
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --output " + input + " is the input file: refusing to overwrite it\n",
        r.err());
    assertEquals("a b c\n\nd e\n   \nf\n", Files.readString(input));

    r =
        CliRunner.run(
            "evaluate",
            "--model",
            run.toString(),
            "--src",
            dir.resolve("data/valid.src").toString(),
            "--ref",
            dir.resolve("data/valid.trg").toString(),
            "--json");
    assertEquals(0, r.exit(), r.err());
    Map<?, ?> figures = new ObjectMapper().readValue(r.out(), Map.class);
    assertEquals(40, figures.get("sentences"));
    double bleu = ((Number) figures.get("bleu")).doubleValue();
    assertTrue(bleu >= 0 && bleu <= 100, r.out());
  }

  @Test
  void vocabBuildAndCorpusStats() throws IOException {
    Path corpus = dir.resolve("c.txt");
    Files.writeString(corpus, "the cat sat\nthe dog\n");
    Path vocab = dir.resolve("v.vocab");
    CliRunner.Result r =
        CliRunner.run(
            "vocab",
            "build",
            "--corpus",
            corpus.toString(),
            "--min-freq",
            "2",
            "--out",
            vocab.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "#seq4j-vocabulary\tpad\tunk\tbos\teos\n<pad>\n<unk>\n<bos>\n<eos>\nthe\n",
        Files.readString(vocab));
    r = CliRunner.run("corpus", "stats", corpus.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().lines().skip(1).findFirst().orElseThrow().matches(".*c\\.txt\\s+2\\s+0\\s+5\\s+.*"),
        r.out());
  }

  private Path writeConfig() throws IOException {
    Path data = dir.resolve("data");
    new ReverseTask(2, 5, 6).writeSplits(data, List.of("train", "valid"), List.of(200, 40), 1);
    Path config = dir.resolve("exp.yaml");
    Files.writeString(
        config,
        "name: tiny\n"
            + "data: {train: "
            + data.resolve("train")
            + ", valid: "
            + data.resolve("valid")
            + ", src: src, trg: trg}\n"
            + "model: {type: rnn, cell: lstm, embedding: 8, hidden: 16}\n"
            + "train: {epochs: 2, batchSize: 32, learningRate: 0.01}\n");
    return config;
  }

  @Test
  void debugAddsTheStackTrace() {
    String file = dir.resolve("none.yaml").toString();
    CliRunner.Result plain = CliRunner.run("train", "--config", file);
    assertEquals(1, plain.err().lines().count());
    picocli.CommandLine cl = Cli.commandLine(true);
    java.io.StringWriter w = new java.io.StringWriter();
    cl.setErr(new java.io.PrintWriter(w, true));
    assertEquals(2, cl.execute("train", "--config", file));
    assertTrue(w.toString().contains("at dev.seq4j.config.ConfigLoader.load"), w.toString());
  }

  @Test
  void attentionMapsAsJsonAndPng() throws IOException {
    Path config = writeConfig();
    Path run = dir.resolve("att");
    CliRunner.Result r =
        CliRunner.run(
            "train",
            "--config",
            config.toString(),
            "--set",
            "model.attention=general",
            "--set",
            "model.bidirectional=true",
            "--out",
            run.toString());
    assertEquals(0, r.exit(), r.err());
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "a b c\n\nd e f a\n");
    Path maps = dir.resolve("maps");
    r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--output",
            dir.resolve("out.txt").toString(),
            "--attention",
            maps.toString(),
            "--replace-unk");
    assertEquals(0, r.exit(), r.err());
    for (String n : List.of("000001", "000003")) {
      Map<?, ?> doc = new ObjectMapper().readValue(maps.resolve(n + ".json").toFile(), Map.class);
      List<?> source = (List<?>) doc.get("source");
      List<?> weights = (List<?>) doc.get("weights");
      assertEquals(((List<?>) doc.get("target")).size(), weights.size());
      for (Object row : weights) {
        List<?> w = (List<?>) row;
        assertEquals(source.size(), w.size());
        assertEquals(1.0, w.stream().mapToDouble(x -> ((Number) x).doubleValue()).sum(), 1e-5);
      }
      java.awt.image.BufferedImage png =
          javax.imageio.ImageIO.read(maps.resolve(n + ".png").toFile());
      assertTrue(png.getWidth() >= source.size() * 28, "one column per source token");
    }
    assertTrue(!Files.exists(maps.resolve("000002.json")), "an empty line has no map");
  }

  @Test
  void transformerTrainsAndShowsOneHeadOfALayer() throws IOException {
    Path config = writeConfig();
    String yaml = Files.readString(config);
    Files.writeString(
        config,
        yaml.replace(
            "model: {type: rnn, cell: lstm, embedding: 8, hidden: 16}",
            "model: {type: transformer, dModel: 16, heads: 2, ffn: 32, encoderLayers: 1,"
                + " decoderLayers: 2}"));
    Path run = dir.resolve("tr");
    CliRunner.Result r =
        CliRunner.run("train", "--config", config.toString(), "--out", run.toString());
    assertEquals(0, r.exit(), r.err());
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "a b c\nd e f a\n");
    Path maps = dir.resolve("maps");
    String[] translate = {
      "translate",
      "--model",
      run.toString(),
      "--input",
      input.toString(),
      "--output",
      dir.resolve("out.txt").toString(),
      "--attention",
      maps.toString(),
      "--attention-layer",
      "0",
      "--attention-head",
      "1"
    };
    r = CliRunner.run(translate);
    assertEquals(0, r.exit(), r.err());
    Map<?, ?> doc = new ObjectMapper().readValue(maps.resolve("000002.json").toFile(), Map.class);
    for (Object row : (List<?>) doc.get("weights")) {
      assertEquals(4, ((List<?>) row).size());
    }
    List<String> cached = Files.readAllLines(dir.resolve("out.txt"));
    translate[translate.length - 1] = "2";
    r = CliRunner.run(translate);
    assertEquals(2, r.exit());
    assertEquals("seq4j: error: attention head must be in [-1, 1], was 2\n", r.err());

    r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--output",
            dir.resolve("uncached.txt").toString(),
            "--set",
            "decode.cache=false");
    assertEquals(0, r.exit(), r.err());
    assertEquals(cached, Files.readAllLines(dir.resolve("uncached.txt")));
    r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--set",
            "model.heads=4");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --set model.heads=4: only decode.* settings can change after training\n",
        r.err());
  }

  @Test
  void beamSearchWithNBestListsFromTheCommandLine() throws IOException {
    Path config = writeConfig();
    Path run = dir.resolve("beam");
    CliRunner.Result r =
        CliRunner.run("train", "--config", config.toString(), "--out", run.toString());
    assertEquals(0, r.exit(), r.err());
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "a b c\n\nd e\n");
    r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--set",
            "decode.strategy=beam",
            "--set",
            "decode.beamSize=3",
            "--nbest",
            "3",
            "--output",
            dir.resolve("nbest.txt").toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(dir.resolve("nbest.txt"));
    assertEquals(7, lines.size(), lines.toString()); // 3 + 1 (the empty line) + 3
    assertEquals("2\t\t", lines.get(3));
    double previous = Double.POSITIVE_INFINITY;
    for (String line : lines.subList(0, 3)) {
      String[] f = line.split("\t", -1);
      assertEquals("1", f[0]);
      double score = Double.parseDouble(f[1]);
      assertTrue(score <= previous && score < 0, lines.toString());
      previous = score;
    }
    r =
        CliRunner.run(
            "translate", "--model", run.toString(), "--input", input.toString(), "--nbest", "2");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --nbest needs beam search: add --set decode.strategy=beam\n", r.err());
    r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            input.toString(),
            "--set",
            "decode.strategy=beam",
            "--nbest",
            "9");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --set decode.nBest=9: decode.nBest: must be <= decode.beamSize (5), was 9\n",
        r.err());
  }

  @Test
  void bpeLearnThenApplyAndReverse() throws IOException {
    Path corpus = dir.resolve("c.txt");
    Files.writeString(corpus, "lower newest widest\nlow low low newest\n한국어 한국\n");
    Path codes = dir.resolve("c.bpe");
    CliRunner.Result r =
        CliRunner.run(
            "bpe",
            "learn",
            "--input",
            corpus.toString(),
            "--merges",
            "10",
            "--out",
            codes.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("bpe: "), r.out());
    assertTrue(Files.readString(codes).startsWith("#seq4j-bpe v1\n"));
    Path sized = dir.resolve("sized.bpe");
    r =
        CliRunner.run(
            "bpe",
            "learn",
            "--input",
            corpus.toString(),
            "--vocab-size",
            "12",
            "--out",
            sized.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.isRegularFile(sized));
    r =
        CliRunner.run(
            "bpe",
            "learn",
            "--input",
            corpus.toString(),
            "--merges",
            "3",
            "--vocab-size",
            "12",
            "--out",
            sized.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("mutually exclusive"), r.err());
    Path pieces = dir.resolve("p.txt");
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "the lowest, newest!\n\n한국어 😀\n");
    r =
        CliRunner.run(
            "bpe",
            "apply",
            "--codes",
            codes.toString(),
            "--input",
            input.toString(),
            "--output",
            pieces.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(pieces);
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).contains("@@"), lines.get(0));
    assertEquals("", lines.get(1));
    Path back = dir.resolve("back.txt");
    r =
        CliRunner.run(
            "bpe",
            "apply",
            "--codes",
            codes.toString(),
            "--reverse",
            "--input",
            pieces.toString(),
            "--output",
            back.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(Files.readString(input), Files.readString(back));
  }
}
