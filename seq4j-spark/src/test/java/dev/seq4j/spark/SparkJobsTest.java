package dev.seq4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq4j.data.synthetic.ReverseTask;
import dev.seq4j.eval.Bleu;
import dev.seq4j.eval.ChrF;
import dev.seq4j.tokenize.BpeTokenizer;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.TokenizerSpec;
import dev.seq4j.tokenize.Tokenizers;
import dev.seq4j.train.TrainingRun;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.TranslationConfig;
import dev.seq4j.translate.TranslationExperiment;
import dev.seq4j.translate.Translator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark jobs in {@code local[2]} against their single-machine counterparts. */
class SparkJobsTest {
  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path run;
  private static Path data;

  @BeforeAll
  static void setUp() throws Exception {
    data = dir.resolve("data");
    new ReverseTask(2, 6, 6).writeSplits(data, List.of("train", "valid"), List.of(300, 60), 1);
    String yaml =
        "name: spark\ndata: {train: "
            + data.resolve("train")
            + ", valid: "
            + data.resolve("valid")
            + ", src: src, trg: trg, srcTokenizer: space, trgTokenizer: space}\n"
            + "model: {type: rnn, cell: gru, embedding: 16, hidden: 32, attention: general}\n"
            + "train: {epochs: 2, batchSize: 32, learningRate: 0.01}\n";
    run = dir.resolve("run");
    TranslationExperiment.run(
        TranslationConfig.parse(yaml, "spark.yaml", List.of()), TrainingRun.in(run));
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("seq4j-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void distributedTranslationEqualsTheCliLineByLine() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("valid.src")));
    lines.add(7, "");
    lines.add("a b c d e f a b c d e f");
    Path input = Files.write(dir.resolve("input.txt"), lines);
    Dataset<Row> text = spark.read().text(input.toString()).repartition(1);
    Dataset<Row> out =
        DistributedTranslation.translate(text.repartition(3), "value", run.toString(), List.of());
    List<String> expected;
    try (TranslationBundle b = TranslationBundle.load(run)) {
      expected = new Translator(b, b.config().decode()).translate(lines);
    }
    // repartition(3) shuffles: compare by input, then check order on an unshuffled dataset
    Map<String, String> byInput = new HashMap<>();
    for (Row r : out.collectAsList()) {
      assertNull(r.getAs("error"));
      byInput.put(r.getAs("value"), r.getAs("translation"));
    }
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(expected.get(i), byInput.get(lines.get(i)), lines.get(i));
    }
    List<Row> ordered =
        DistributedTranslation.translate(
                spark.read().text(input.toString()), "value", run.toString(), List.of())
            .collectAsList();
    assertEquals(lines.size(), ordered.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(lines.get(i), ordered.get(i).getAs("value"));
      assertEquals(expected.get(i), ordered.get(i).getAs("translation"));
    }
  }

  @Test
  void aNullRowGetsAnErrorInsteadOfFailingTheJob() throws Exception {
    Path json = dir.resolve("rows.json");
    Files.writeString(
        json,
        "{\"id\": 1, \"src\": \"a b\"}\n{\"id\": 2, \"src\": null}\n{\"id\": 3, \"src\": \"\"}\n");
    List<Row> rows =
        DistributedTranslation.translate(
                spark.read().json(json.toString()).select("id", "src"),
                "src",
                run.toString(),
                List.of())
            .collectAsList();
    assertEquals(3, rows.size());
    assertNull(rows.get(0).getAs("error"));
    assertEquals("null input", rows.get(1).getAs("error"));
    assertNull(rows.get(1).getAs("translation"));
    assertEquals("", rows.get(2).getAs("translation"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DistributedTranslation.translate(
                    spark.read().json(json.toString()), "id", run.toString(), List.of()));
    assertEquals("column 'id' must hold strings, holds LongType", e.getMessage());
  }

  @Test
  void distributedBleuAndChrfEqualTheSingleMachineScores() throws Exception {
    List<String> hyps = new ArrayList<>();
    List<String> refs = Files.readAllLines(data.resolve("valid.trg"));
    try (TranslationBundle b = TranslationBundle.load(run)) {
      hyps =
          new Translator(b, b.config().decode())
              .translate(Files.readAllLines(data.resolve("valid.src")));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < hyps.size(); i++) {
      rows.add(org.apache.spark.sql.RowFactory.create(hyps.get(i), refs.get(i)));
    }
    Dataset<Row> pairs =
        spark
            .createDataFrame(
                rows,
                new org.apache.spark.sql.types.StructType()
                    .add("hyp", "string")
                    .add("ref", "string"))
            .repartition(4);
    DistributedScore.Scores s = DistributedScore.score(pairs, "hyp", "ref");
    assertEquals(Bleu.corpus(hyps, refs).score(), s.bleu(), 1e-9);
    assertEquals(ChrF.corpus(hyps, refs), s.chrf(), 1e-9);
    assertEquals(hyps.size(), s.sentences());
  }

  @Test
  void countsEqualTheSingleMachineCounts() throws Exception {
    List<String> lines =
        List.of(
            "Don't stop, 3.5% of %s files!",
            "Hunde bellen über die Wiese.", "", "the the cat, the dog", "파일을 열 수 없습니다");
    Dataset<String> ds = spark.createDataset(lines, Encoders.STRING()).repartition(3);
    TokenizerSpec word = new TokenizerSpec("word", false);
    Tokenizer t = Tokenizers.create(word);
    Map<String, Long> tokens = new HashMap<>();
    Map<String, Long> words = new HashMap<>();
    Map<String, Long> pairs = new HashMap<>();
    Map<String, Long> chars = new HashMap<>();
    for (String l : lines) {
      for (String tok : t.tokenize(l)) {
        tokens.merge(tok, 1L, Long::sum);
        String w = BpeTokenizer.core(tok);
        words.merge(w, 1L, Long::sum);
        List<String> sym = dev.seq4j.tokenize.Bpe.symbols(w);
        for (int i = 0; i + 1 < sym.size(); i++) {
          pairs.merge(sym.get(i) + " " + sym.get(i + 1), 1L, Long::sum);
        }
      }
      l.codePoints()
          .filter(cp -> !Character.isWhitespace(cp))
          .forEach(cp -> chars.merge(new String(Character.toChars(cp)), 1L, Long::sum));
    }
    assertEquals(tokens, DistributedCounts.tokens(ds, word));
    assertEquals(words, DistributedCounts.words(ds, word));
    assertEquals(pairs, DistributedCounts.symbolPairs(ds, word));
    assertEquals(chars, DistributedCounts.characters(ds));
    assertEquals(3L, tokens.get("the"));
    assertEquals(1L, tokens.get("%s"));
  }
}
