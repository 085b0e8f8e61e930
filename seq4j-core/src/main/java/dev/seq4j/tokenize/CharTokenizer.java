package dev.seq4j.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * One token per Unicode code point; whitespace becomes {@link #SPACE} ({@code ▁}, U+2581), so
 * {@code detokenize(tokenize(s)) == s} for text whose only whitespace is the ordinary space.
 */
public final class CharTokenizer implements Tokenizer {
  /** The token standing for a space. */
  public static final String SPACE = "\u2581";

  private final boolean lowercase;

  /** A character tokenizer, lowercasing first when asked. */
  public CharTokenizer(boolean lowercase) {
    this.lowercase = lowercase;
  }

  @Override
  public List<String> tokenize(String text) {
    String s = Tokenizers.prepare(text, lowercase);
    List<String> out = new ArrayList<>(s.length());
    s.codePoints()
        .forEach(
            cp -> out.add(Character.isWhitespace(cp) ? SPACE : new String(Character.toChars(cp))));
    return out;
  }

  @Override
  public String detokenize(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append(SPACE.equals(t) ? " " : t);
    }
    return sb.toString();
  }

  @Override
  public TokenizerSpec spec() {
    return new TokenizerSpec("char", lowercase);
  }
}
