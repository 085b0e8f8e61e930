package dev.seq4j.examples.embed;

import dev.seq4j.api.DecodeOptions;
import dev.seq4j.api.Evaluation;
import dev.seq4j.api.Training;
import dev.seq4j.api.TrainingListener;
import dev.seq4j.api.TrainingResult;
import dev.seq4j.api.Translation;
import dev.seq4j.api.TranslationModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Uses seq4j as a library: writes a small corpus of the reverse task ("a b c" → "c b a"), trains a
 * tiny GRU with attention on it, then translates and scores held-out sentences. Only the public API
 * ({@code dev.seq4j.api}) is used. Argument: a working directory (default: a new temporary one).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("seq4j-embed");
    Files.createDirectories(dir);
    writeCorpus(dir, new Random(7));
    Path config = dir.resolve("reverse.yaml");
    Files.writeString(
        config,
        "name: embed-reverse\n"
            + "data: {train: '" + dir.resolve("train") + "', valid: '" + dir.resolve("valid")
            + "', src: src, trg: trg}\n"
            + "model: {type: rnn, cell: gru, embedding: 16, hidden: 48, attention: dot}\n"
            + "train: {epochs: 5, batchSize: 32, learningRate: 0.01}\n");
    Path run = dir.resolve("run-" + System.currentTimeMillis());
    TrainingResult result =
        Training.train(
            config,
            List.of(),
            run,
            new TrainingListener() {
              @Override
              public void onEvaluation(Map<String, Object> row) {
                System.out.printf(
                    Locale.ROOT,
                    "epoch %s: valid_loss=%.3f valid_acc=%.3f%n",
                    row.get("epoch"),
                    (Double) row.get("valid_loss"),
                    (Double) row.get("valid_acc"));
              }
            });
    System.out.printf(
        Locale.ROOT,
        "trained: outcome=%s steps=%d seconds=%.1f%n",
        result.outcome(),
        result.steps(),
        result.seconds());

    try (TranslationModel model = TranslationModel.load(result.runDir())) {
      DecodeOptions beam = DecodeOptions.builder().beam(4).nBest(2).build();
      List<String> sentences = List.of("a b c d", "f e e a b", "c a f", "b d f a c");
      for (Translation t : model.translate(sentences, beam)) {
        System.out.printf(
            Locale.ROOT,
            "translation: %s -> %s (score %.3f; runner-up: %s)%n",
            String.join(" ", t.sourceTokens()),
            t.text(),
            t.score(),
            t.candidates().size() > 1 ? t.candidates().get(1).text() : "-");
      }
      List<String> src = Files.readAllLines(dir.resolve("test.src"));
      List<String> ref = Files.readAllLines(dir.resolve("test.trg"));
      Evaluation e = model.evaluate(src, ref);
      System.out.printf(
          Locale.ROOT,
          "evaluation: sentences=%d exact=%.3f bleu=%.1f chrf=%.1f%n",
          e.sentences(),
          e.exactMatch(),
          e.bleu(),
          e.chrf());
    }
  }

  /** train (1,500), valid (200) and test (200) pairs: 2 to 5 of the letters a–f, reversed. */
  private static void writeCorpus(Path dir, Random random) throws IOException {
    List<String> src = new ArrayList<>();
    List<String> trg = new ArrayList<>();
    for (int i = 0; i < 1900; i++) {
      List<String> letters = new ArrayList<>();
      for (int n = 2 + random.nextInt(4); n > 0; n--) {
        letters.add(String.valueOf((char) ('a' + random.nextInt(6))));
      }
      src.add(String.join(" ", letters));
      Collections.reverse(letters);
      trg.add(String.join(" ", letters));
    }
    write(dir, "train", src.subList(0, 1500), trg.subList(0, 1500));
    write(dir, "valid", src.subList(1500, 1700), trg.subList(1500, 1700));
    write(dir, "test", src.subList(1700, 1900), trg.subList(1700, 1900));
  }

  private static void write(Path dir, String name, List<String> src, List<String> trg)
      throws IOException {
    Files.write(dir.resolve(name + ".src"), src);
    Files.write(dir.resolve(name + ".trg"), trg);
  }
}
