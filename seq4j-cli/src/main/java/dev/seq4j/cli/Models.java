package dev.seq4j.cli;

import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The translation models that one or more {@code --model} options name: one model, or the members
 * of an ensemble (the first gives the tokenizers, vocabularies and decoding settings). Closing it
 * closes every model.
 */
final class Models implements AutoCloseable {
  private final List<TranslationBundle> bundles;

  private Models(List<TranslationBundle> bundles) {
    this.bundles = bundles;
  }

  /** Loads each of {@code dirs} with the {@code decode.*} overrides; closes them all on failure. */
  static Models load(List<Path> dirs, List<String> decodeOverrides) throws IOException {
    List<TranslationBundle> loaded = new ArrayList<>(dirs.size());
    try {
      for (Path d : dirs) {
        loaded.add(TranslationBundle.load(d, decodeOverrides));
      }
      return new Models(List.copyOf(loaded));
    } catch (IOException | RuntimeException e) {
      loaded.forEach(TranslationBundle::close);
      throw e;
    }
  }

  /** The first model. */
  TranslationBundle first() {
    return bundles.get(0);
  }

  /** Every model, the first first. */
  List<TranslationBundle> all() {
    return bundles;
  }

  @Override
  public void close() {
    bundles.forEach(TranslationBundle::close);
  }
}
