package dev.seq4j.tokenize;

import java.util.List;

/**
 * The joiner convention shared by the word and Korean tokenizers: a token written directly after
 * the previous one, with no space between, carries a leading {@link #MARK} (U+FFED, as in OpenNMT's
 * tokenizer). Detokenizing removes exactly one mark and the space before such a token, so any
 * single-spaced text round-trips exactly.
 */
final class Joiner {
  /** The joiner mark. */
  static final String MARK = "\uFFED";

  private Joiner() {}

  /** Adds {@code token} to {@code out}, marked when {@code attached}. */
  static void add(List<String> out, String token, boolean attached) {
    out.add(attached && !out.isEmpty() ? MARK + token : token);
  }

  /** Joins tokens: a space before each, except before marked tokens (mark removed). */
  static String join(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      if (t.startsWith(MARK) && t.length() > 1) {
        sb.append(t, MARK.length(), t.length());
      } else {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(t);
      }
    }
    return sb.toString();
  }
}
