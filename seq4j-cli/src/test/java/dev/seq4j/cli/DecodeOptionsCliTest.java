package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.train.RunDirectory;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding from the command line: ensembles of several --model, repetition settings, token-budget
 * batches and line-by-line answers, on a tiny character-level model with attention.
 */
class DecodeOptionsCliTest {
  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void train() throws IOException {
    run =
        TinyRun.train(
            dir,
            "chars",
            8,
            200,
            40,
            "srcTokenizer: char, trgTokenizer: char",
            "type: rnn, cell: gru, embedding: 8, hidden: 16, attention: dot",
            "epochs: 1, batchSize: 32, learningRate: 0.01");
  }

  /** Translates {@code text} with {@code args} after the input and output options. */
  private static List<String> translate(String text, String... args) throws IOException {
    Path input = Files.writeString(dir.resolve("in.txt"), text);
    Path out = dir.resolve("out.txt");
    Files.deleteIfExists(out);
    List<String> all =
        new ArrayList<>(
            List.of("translate", "--input", input.toString(), "--output", out.toString()));
    all.addAll(List.of(args));
    CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return Files.readAllLines(out);
  }

  private static String lines(int count) {
    Random random = new Random(3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int length = 1 + random.nextInt(12);
      for (int t = 0; t < length; t++) {
        sb.append((char) ('a' + random.nextInt(6))).append(t + 1 < length ? " " : "");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void anEnsembleOfAModelWithItselfTranslatesAsTheModel() throws IOException {
    String text = lines(30);
    String m = run.toString();
    List<String> alone = translate(text, "--model", m);
    assertEquals(alone, translate(text, "--model", m, "--model", m));
    assertEquals(
        translate(text, "--model", m, "--set", "decode.strategy=beam"),
        translate(text, "--model", m, "--model", m, "--set", "decode.strategy=beam"));
  }

  @Test
  void membersWithAnotherTargetVocabularyAreRefusedNamingBothModels() throws IOException {
    Path last = RunDirectory.checkpoint(run);
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    for (Path f : Files.list(last).toList()) {
      Files.copy(f, other.resolve(f.getFileName()));
    }
    Files.delete(other.resolve("MANIFEST.sha256"));
    List<String> vocab = new ArrayList<>(Files.readAllLines(other.resolve("trg.vocab")));
    String swap = vocab.get(vocab.size() - 1);
    vocab.set(vocab.size() - 1, vocab.get(vocab.size() - 2));
    vocab.set(vocab.size() - 2, swap);
    Files.write(other.resolve("trg.vocab"), vocab);
    Path input = Files.writeString(dir.resolve("in2.txt"), "a b\n");
    CliRunner.Result r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--model",
            other.toString(),
            "--input",
            input.toString());
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .startsWith(
                "seq4j: error: cannot ensemble "
                    + other
                    + " with "
                    + run
                    + ": its target"
                    + " vocabulary ("),
        r.err());
    CliRunner.Result served =
        CliRunner.run(
            "serve", "--model", run.toString(), "--model", other.toString(), "--port", "0");
    assertEquals(2, served.exit(), "serve refuses the ensemble before it binds: " + served.out());
    assertEquals(r.err(), served.err());
  }

  @Test
  void tokenBatchesGiveExactlyTheSentenceBatchOutputs() throws IOException {
    String text = lines(120);
    String m = run.toString();
    List<String> sentences = translate(text, "--model", m, "--set", "decode.batchSize=16");
    assertEquals(120, sentences.size());
    for (String budget : List.of("1", "60")) {
      assertEquals(
          sentences, translate(text, "--model", m, "--set", "decode.batchTokens=" + budget));
    }
  }

  @Test
  void repetitionSettingsReachTheDecoder() throws Exception {
    String text = lines(40);
    try (TranslationBundle b =
        TranslationBundle.load(run, List.of("decode.noRepeatNgram=1", "decode.maxLength=30"))) {
      List<String> out =
          translate(text, "--model", run.toString(), "--set", "decode.noRepeatNgram=1");
      assertEquals(new Translator(b, b.config().decode()).translate(text.lines().toList()), out);
      for (String line : out) {
        List<String> chars = line.codePoints().mapToObj(Character::toString).toList();
        assertEquals(chars.size(), chars.stream().distinct().count(), line);
      }
    }
    CliRunner.Result r =
        CliRunner.run(
            "translate", "--model", run.toString(), "--set", "decode.repetitionPenalty=0");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("decode.repetitionPenalty"), r.err());
  }

  @Test
  void lineBufferedAnswersTheFirstLineBeforeTheInputIsClosed() throws Exception {
    List<String> expected = translate("c a b\nd d e\n", "--model", run.toString());
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream answers = new PipedInputStream(1 << 16);
    PrintStream stdout = new PrintStream(new PipedOutputStream(answers), true, "UTF-8");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      System.setIn(new PipedInputStream(feed, 1 << 16));
      System.setOut(stdout);
      Future<CliRunner.Result> command =
          pool.submit(
              () -> CliRunner.run("translate", "--model", run.toString(), "--line-buffered"));
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8));
      feed.write("c a b\n".getBytes(StandardCharsets.UTF_8));
      feed.flush();
      // the answer comes while the input is still open: no end of input yet
      assertEquals(expected.get(0), pool.submit(reader::readLine).get(60, TimeUnit.SECONDS));
      feed.write("d d e\n".getBytes(StandardCharsets.UTF_8));
      feed.close();
      assertEquals(expected.get(1), pool.submit(reader::readLine).get(60, TimeUnit.SECONDS));
      CliRunner.Result r = command.get(60, TimeUnit.SECONDS);
      assertEquals(0, r.exit(), r.err());
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
      pool.shutdownNow();
    }
  }
}
