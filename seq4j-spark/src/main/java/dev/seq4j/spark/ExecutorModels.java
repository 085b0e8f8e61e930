package dev.seq4j.spark;

import dev.seq4j.engine.Engines;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an executor keeps between tasks: the engine, started once per JVM with one intra-op thread
 * per task (Spark already runs one task per core), and one model per task thread and model
 * directory, loaded on first use (a {@link dev.seq4j.translate.Translator} is not thread-safe).
 */
final class ExecutorModels {
  private static final ThreadLocal<Map<String, TranslationBundle>> MODELS =
      ThreadLocal.withInitial(HashMap::new);

  private ExecutorModels() {}

  /** The model in {@code dir} with {@code decodeOverrides}, loaded once per task thread. */
  static TranslationBundle model(String dir, List<String> decodeOverrides) {
    String key = dir + "\u0000" + String.join("\u0000", decodeOverrides);
    return MODELS
        .get()
        .computeIfAbsent(
            key,
            k -> {
              if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_threads", "1");
              }
              Engines.start();
              try {
                return TranslationBundle.load(Path.of(dir), decodeOverrides);
              } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot load the model", e);
              }
            });
  }
}
