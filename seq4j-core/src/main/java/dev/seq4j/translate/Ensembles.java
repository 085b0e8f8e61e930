package dev.seq4j.translate;

import dev.seq4j.config.DataConfig;
import dev.seq4j.config.InvalidSetting;
import dev.seq4j.decode.Ensemble;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.tokenize.Vocabulary;
import java.util.List;

/** Translation models used together: the checks an ensemble's members must pass. */
final class Ensembles {
  private Ensembles() {}

  /**
   * The model of one bundle, or the {@link Ensemble} of several once their vocabularies and source
   * settings agree.
   *
   * @throws IllegalArgumentException naming both models when a member's vocabulary differs from the
   *     first's
   */
  static Seq2SeqModel model(List<TranslationBundle> bundles) {
    if (bundles.size() == 1) {
      return bundles.get(0).model();
    }
    TranslationBundle first = bundles.get(0);
    for (TranslationBundle b : bundles.subList(1, bundles.size())) {
      requireSame("target vocabulary", first.trgVocabulary(), b.trgVocabulary(), first, b);
      requireSame("source vocabulary", first.srcVocabulary(), b.srcVocabulary(), first, b);
      DataConfig x = first.config().data();
      DataConfig y = b.config().data();
      if (x.srcTokenizer() != y.srcTokenizer()
          || x.lowercase() != y.lowercase()
          || x.bpe() != y.bpe()) {
        throw new IllegalArgumentException(
            String.format(
                "cannot ensemble %s with %s: their tokenization differs (data.srcTokenizer,"
                    + " data.lowercase or BPE); an ensemble's members read the same tokens",
                b.source(), first.source()));
      }
    }
    return new Ensemble(bundles.stream().map(TranslationBundle::model).toList());
  }

  private static void requireSame(
      String what, Vocabulary a, Vocabulary b, TranslationBundle first, TranslationBundle other) {
    if (!a.tokens().equals(b.tokens())) {
      throw new IllegalArgumentException(
          String.format(
              "cannot ensemble %s with %s: its %s (%d tokens) differs from the first model's (%d"
                  + " tokens); an ensemble's members must share their vocabularies",
              other.source(), first.source(), what, b.size(), a.size()));
    }
  }

  /** Fails naming {@code key} when {@code needed} and a member does not attend. */
  static void requireAttention(List<TranslationBundle> bundles, boolean needed, String key) {
    if (!needed) {
      return;
    }
    for (TranslationBundle b : bundles) {
      if (!b.config().model().attends()) {
        throw new InvalidSetting(
            key, "needs a model with attention; " + b.source() + " has model.attention: none");
      }
    }
  }
}
