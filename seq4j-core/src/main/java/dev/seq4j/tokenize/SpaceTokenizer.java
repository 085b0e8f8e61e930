package dev.seq4j.tokenize;

import java.util.ArrayList;
import java.util.List;

/** Splits on whitespace and joins with single spaces (for pre-tokenized corpora). */
public final class SpaceTokenizer implements Tokenizer {
  private final boolean lowercase;

  /** A whitespace tokenizer, lowercasing first when asked. */
  public SpaceTokenizer(boolean lowercase) {
    this.lowercase = lowercase;
  }

  @Override
  public List<String> tokenize(String text) {
    String s = Tokenizers.prepare(text, lowercase);
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean space = i == s.length() || Character.isWhitespace(s.charAt(i));
      if (space && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return out;
  }

  @Override
  public String detokenize(List<String> tokens) {
    return String.join(" ", tokens);
  }

  @Override
  public TokenizerSpec spec() {
    return new TokenizerSpec("space", lowercase);
  }
}
