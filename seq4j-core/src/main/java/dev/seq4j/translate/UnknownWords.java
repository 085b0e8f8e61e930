package dev.seq4j.translate;

import dev.seq4j.tokenize.BpeTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Unknown-word replacement (Luong et al. 2015, "Addressing the Rare Word Problem in Neural Machine
 * Translation"): each {@code <unk>} of an output becomes the source word that its step attended to
 * most. With BPE the most-attended source token may be one piece of a word; the whole word is
 * copied, its pieces joined and their {@code @@} marks removed. A joiner mark ({@code ￭}: the
 * source token was glued to the one before it) is dropped too, since the copy's neighbours in the
 * output are not the source's.
 */
public final class UnknownWords {
  private UnknownWords() {}

  /**
   * {@code tokens} with each {@code unk} replaced by the source word with the largest weight in
   * {@code weights[t]} (weights over {@code source}, in source order).
   *
   * @param bpe whether {@code source} is BPE pieces ({@code Hun@@ de}) to join into words
   */
  public static List<String> replace(
      List<String> tokens, String unk, List<String> source, float[][] weights, boolean bpe) {
    List<String> out = new ArrayList<>(tokens);
    for (int t = 0; t < out.size(); t++) {
      if (out.get(t).equals(unk)) {
        out.set(t, word(source, argMax(weights[t]), bpe));
      }
    }
    return out;
  }

  /** The source word that token {@code i} is part of, without marks. */
  static String word(List<String> source, int i, boolean bpe) {
    if (!bpe) {
      return BpeTokenizer.core(source.get(i));
    }
    int first = i;
    while (first > 0 && continues(source.get(first - 1))) {
      first--;
    }
    int last = i;
    while (last < source.size() - 1 && continues(source.get(last))) {
      last++;
    }
    List<String> joined = BpeTokenizer.join(source.subList(first, last + 1)); // one word
    return BpeTokenizer.core(String.join("", joined));
  }

  private static boolean continues(String piece) {
    return piece.endsWith(BpeTokenizer.CONTINUE) && piece.length() > BpeTokenizer.CONTINUE.length();
  }

  static int argMax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
