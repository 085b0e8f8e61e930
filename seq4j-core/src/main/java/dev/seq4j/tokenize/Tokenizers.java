package dev.seq4j.tokenize;

import dev.seq4j.config.DataConfig;
import java.text.Normalizer;
import java.util.Locale;

/** Creates tokenizers from their settings. */
public final class Tokenizers {
  private Tokenizers() {}

  /** The tokenizer described by {@code spec}. */
  public static Tokenizer create(TokenizerSpec spec) {
    return switch (spec.type()) {
      case "word" -> new WordTokenizer(spec.lowercase());
      case "char" -> new CharTokenizer(spec.lowercase());
      case "korean" -> new KoreanTokenizer(spec.lowercase());
      case "space" -> new SpaceTokenizer(spec.lowercase());
      default -> throw new IllegalArgumentException("unknown tokenizer type " + spec.type());
    };
  }

  /** The tokenizer an experiment's data section names. */
  public static Tokenizer create(DataConfig.TokenizerKind kind, boolean lowercase) {
    return create(new TokenizerSpec(kind.name().toLowerCase(Locale.ROOT), lowercase));
  }

  /** NFC normalisation, then lowercasing when asked: the first step of every tokenizer. */
  static String prepare(String text, boolean lowercase) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return lowercase ? nfc.toLowerCase(Locale.ROOT) : nfc;
  }
}
