package dev.seq4j.serve;

import dev.seq4j.config.ConfigLoader;
import dev.seq4j.data.synthetic.ReverseTask;
import dev.seq4j.engine.Engines;
import dev.seq4j.train.TrainingRun;
import dev.seq4j.translate.TranslationConfig;
import dev.seq4j.translate.TranslationExperiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny translators for the server tests: the reverse task over 6 symbols, space-tokenized. */
final class TinyRuns {
  private TinyRuns() {}

  /**
   * Writes 300 training and 40 validation pairs under {@code dir/data}, trains {@code model} with
   * {@code train} settings (YAML flow maps) into {@code dir/NAME} and returns that run directory.
   */
  static Path train(Path dir, String name, String model, String train) throws IOException {
    return train(dir, name, model, train, "space");
  }

  /** Like {@link #train(Path, String, String, String)}, with {@code tokenizer} on both sides. */
  static Path train(Path dir, String name, String model, String train, String tokenizer)
      throws IOException {
    Path data = dir.resolve("data");
    if (!Files.exists(data)) {
      new ReverseTask(2, 6, 6).writeSplits(data, List.of("train", "valid"), List.of(300, 40), 1);
    }
    Path config =
        Files.writeString(
            dir.resolve(name + ".yaml"),
            "name: "
                + name
                + "\ndata: {train: "
                + data.resolve("train")
                + ", valid: "
                + data.resolve("valid")
                + ", src: src, trg: trg, srcTokenizer: "
                + tokenizer
                + ", trgTokenizer: "
                + tokenizer
                + "}\nmodel: "
                + model
                + "\ntrain: "
                + train
                + "\n");
    Path run = dir.resolve(name);
    Engines.start();
    TranslationExperiment.run(
        ConfigLoader.load(config, List.of(), TranslationConfig::read), TrainingRun.in(run));
    return run;
  }
}
