package dev.seq4j.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus chrF2 as sacreBLEU 2.x computes it by default: character n-grams of orders 1–6 with
 * whitespace removed, statistics summed over the corpus, precision and recall averaged over the
 * orders that occur, β = 2.
 *
 * <pre>
 * chrF = 100 · (1+β²)·P·R / (β²·P + R)
 * </pre>
 */
public final class ChrF {
  private static final int ORDER = 6;
  private static final double BETA = 2.0;

  private ChrF() {}

  /** Per order: hypothesis n-grams, reference n-grams, matches; addable across sentences. */
  public static long[][] stats(String hypothesis, String reference) {
    int[] h = stripSpaces(hypothesis);
    int[] r = stripSpaces(reference);
    long[][] s = new long[ORDER][3];
    for (int n = 1; n <= ORDER; n++) {
      Map<String, Integer> hc = ngrams(h, n);
      Map<String, Integer> rc = ngrams(r, n);
      long matches = 0;
      for (Map.Entry<String, Integer> e : hc.entrySet()) {
        matches += Math.min(e.getValue(), rc.getOrDefault(e.getKey(), 0));
      }
      s[n - 1][0] = Math.max(0, h.length - n + 1);
      s[n - 1][1] = Math.max(0, r.length - n + 1);
      s[n - 1][2] = matches;
    }
    return s;
  }

  /** Corpus chrF of {@code hypotheses} against one reference each. */
  public static double corpus(List<String> hypotheses, List<String> references) {
    Pairs.requireSameSize(hypotheses, references);
    long[][] total = new long[ORDER][3];
    for (int i = 0; i < hypotheses.size(); i++) {
      long[][] s = stats(hypotheses.get(i), references.get(i));
      for (int n = 0; n < ORDER; n++) {
        for (int k = 0; k < 3; k++) {
          total[n][k] += s[n][k];
        }
      }
    }
    return score(total);
  }

  /** The score of summed statistics. */
  public static double score(long[][] s) {
    double precision = 0;
    double recall = 0;
    int effective = 0;
    for (long[] order : s) {
      if (order[0] > 0 && order[1] > 0) {
        precision += order[2] / (double) order[0];
        recall += order[2] / (double) order[1];
        effective++;
      }
    }
    if (effective == 0) {
      return 0;
    }
    precision /= effective;
    recall /= effective;
    double f2 = BETA * BETA;
    return precision + recall > 0
        ? 100 * (1 + f2) * precision * recall / (f2 * precision + recall)
        : 0;
  }

  private static int[] stripSpaces(String s) {
    return s.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
  }

  private static Map<String, Integer> ngrams(int[] cps, int n) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i + n <= cps.length; i++) {
      m.merge(new String(cps, i, n), 1, Integer::sum);
    }
    return m;
  }
}
