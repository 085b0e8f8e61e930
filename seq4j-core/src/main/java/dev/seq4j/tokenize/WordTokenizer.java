package dev.seq4j.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * Words and punctuation: runs of letters, digits and combining marks are words; every other
 * non-space character is a token of its own. Tokens written without a space before them carry the
 * {@link Joiner} mark, so {@code detokenize(tokenize(s)) == s} for text whose words are separated
 * by single spaces (runs of whitespace become one space; leading and trailing spaces are dropped).
 * Format placeholders ({@code %s}, {@code %1$d}, {@code {0}}, …: {@link Placeholders}) are single
 * tokens.
 *
 * <pre>
 * "Don't stop, 3.5%!" → [Don, ￭', ￭t, stop, ￭,, 3, ￭., ￭5, ￭%, ￭!]
 * "%d files in {0}"   → [%d, files, in, {0}]
 * </pre>
 *
 * Linear time: one pass over the code points, no regular expressions.
 */
public final class WordTokenizer implements Tokenizer {
  private final boolean lowercase;

  /** A word tokenizer, lowercasing first when asked. */
  public WordTokenizer(boolean lowercase) {
    this.lowercase = lowercase;
  }

  @Override
  public List<String> tokenize(String text) {
    String s = Tokenizers.prepare(text, lowercase);
    List<String> out = new ArrayList<>();
    int i = 0;
    boolean attached = false;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        attached = false;
        i += Character.charCount(cp);
        continue;
      }
      int placeholder = Placeholders.end(s, i);
      int end = placeholder > 0 ? placeholder : i + Character.charCount(cp);
      if (placeholder < 0 && isWordChar(cp)) {
        while (end < s.length() && isWordChar(s.codePointAt(end))) {
          end += Character.charCount(s.codePointAt(end));
        }
      }
      Joiner.add(out, s.substring(i, end), attached);
      attached = true;
      i = end;
    }
    return out;
  }

  static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp)
        || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  @Override
  public String detokenize(List<String> tokens) {
    return Joiner.join(tokens);
  }

  @Override
  public TokenizerSpec spec() {
    return new TokenizerSpec("word", lowercase);
  }
}
