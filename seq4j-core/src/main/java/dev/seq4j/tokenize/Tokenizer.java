package dev.seq4j.tokenize;

import java.util.List;

/** Splits text into tokens and joins tokens back into text. */
public interface Tokenizer {

  /** The tokens of {@code text} (NFC-normalised first). */
  List<String> tokenize(String text);

  /** The text of {@code tokens}; {@code detokenize(tokenize(s))} gives back s (see each class). */
  String detokenize(List<String> tokens);

  /** The settings that recreate this tokenizer. */
  TokenizerSpec spec();
}
