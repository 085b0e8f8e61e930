package dev.seq4j.tokenize;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Korean morphological segmentation with Lucene's Nori analyzer (the source material used Kiwi,
 * which is not on Maven Central). Each token is the surface text between Nori's offsets, so the
 * pieces concatenate back to the input; characters Nori skips (other than whitespace) become tokens
 * of their own, and the {@link Joiner} mark records where no space stood. Format placeholders
 * ({@link Placeholders}) are single tokens.
 *
 * <pre>
 * "파일을 열 수 없습니다." → [파일, ￭을, 열, 수, 없, ￭습니다, ￭.]
 * </pre>
 *
 * Not thread-safe (Nori's tokenizer is stateful): use one instance per thread.
 */
public final class KoreanTokenizer implements Tokenizer {
  private final boolean lowercase;
  private final org.apache.lucene.analysis.ko.KoreanTokenizer nori;

  /** A Korean tokenizer, lowercasing first when asked. */
  public KoreanTokenizer(boolean lowercase) {
    this.lowercase = lowercase;
    this.nori =
        new org.apache.lucene.analysis.ko.KoreanTokenizer(
            org.apache.lucene.analysis.ko.KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
            null,
            DecompoundMode.NONE,
            false,
            false);
  }

  @Override
  public List<String> tokenize(String text) {
    String s = Tokenizers.prepare(text, lowercase);
    List<String> out = new ArrayList<>();
    boolean attached = false;
    int from = 0;
    int i = 0;
    while (i < s.length()) { // Nori runs between placeholders; each placeholder is one token
      int end = Placeholders.end(s, i);
      if (end < 0) {
        i++;
        continue;
      }
      attached = segment(out, s, from, i, attached);
      Joiner.add(out, s.substring(i, end), attached);
      attached = true;
      from = end;
      i = end;
    }
    segment(out, s, from, s.length(), attached);
    return out;
  }

  /** Nori over s[from, to); returns whether the next token attaches to the last one. */
  private boolean segment(List<String> out, String s, int from, int to, boolean attached) {
    if (from >= to) {
      return attached;
    }
    String part = s.substring(from, to);
    int covered = 0;
    try {
      nori.setReader(new StringReader(part));
      OffsetAttribute offsets = nori.addAttribute(OffsetAttribute.class);
      nori.reset();
      while (nori.incrementToken()) {
        int start = offsets.startOffset();
        int end = offsets.endOffset();
        if (start < covered || end <= start) {
          continue;
        }
        attached = addGap(out, part, covered, start, attached);
        covered = end;
        // Nori may return whitespace (also U+00A0, U+3000) as a token, or inside one ("\"\u00a0"):
        // a token never holds a space, so split there
        attached = addGap(out, part, start, end, attached, true);
      }
      nori.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        nori.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return addGap(out, part, covered, part.length(), attached);
  }

  /** Adds what Nori skipped in [from, to): whitespace separates, anything else is a token. */
  private static boolean addGap(List<String> out, String s, int from, int to, boolean attached) {
    return addGap(out, s, from, to, attached, false);
  }

  /**
   * Adds s[from, to) split at whitespace: each non-space character a token of its own, or with
   * {@code runs} each run of non-space characters one token.
   */
  private static boolean addGap(
      List<String> out, String s, int from, int to, boolean attached, boolean runs) {
    int i = from;
    while (i < to) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (isSpace(cp)) {
        attached = false;
        i += n;
        continue;
      }
      int end = i + n;
      while (runs && end < to && !isSpace(s.codePointAt(end))) {
        end += Character.charCount(s.codePointAt(end));
      }
      Joiner.add(out, s.substring(i, end), attached);
      attached = true;
      i = end;
    }
    return attached;
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  @Override
  public String detokenize(List<String> tokens) {
    return Joiner.join(tokens);
  }

  @Override
  public TokenizerSpec spec() {
    return new TokenizerSpec("korean", lowercase);
  }
}
