package dev.seq4j.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus chrF2 as sacreBLEU 2.x computes it by default: character n-grams of orders 1–6 with
 * whitespace removed, statistics summed over the corpus, precision and recall averaged over the
 * orders that occur, β = 2. With several references each sentence takes the statistics of the
 * reference it scores best against (the first of equals).
 *
 * <pre>
 * chrF = 100 · (1+β²)·P·R / (β²·P + R)
 * </pre>
 */
public final class ChrF {
  private static final int ORDER = 6;
  private static final double BETA = 2.0;

  private ChrF() {}

  /**
   * Per order: hypothesis n-grams, reference n-grams, matches; addable across sentences. An order
   * the reference is too short for counts no hypothesis n-grams either (as in sacreBLEU).
   */
  public static long[][] stats(String hypothesis, String reference) {
    return sentenceStats(hypothesis, List.of(reference));
  }

  /** The statistics against the reference with the best sentence chrF (at least one reference). */
  public static long[][] sentenceStats(String hypothesis, List<String> references) {
    if (references.isEmpty()) {
      throw new IllegalArgumentException("chrF needs at least one reference");
    }
    List<Map<String, Integer>> hyp = ngrams(stripSpaces(hypothesis));
    long[][] best = null;
    double bestScore = -1;
    for (String reference : references) {
      long[][] s = match(hyp, ngrams(stripSpaces(reference)));
      double f = score(s);
      if (f > bestScore) {
        bestScore = f;
        best = s;
      }
    }
    return best;
  }

  private static long[][] match(List<Map<String, Integer>> hyp, List<Map<String, Integer>> ref) {
    long[][] s = new long[ORDER][3];
    for (int n = 0; n < ORDER; n++) {
      Map<String, Integer> rc = ref.get(n);
      long hypCount = 0;
      long matches = 0;
      for (Map.Entry<String, Integer> e : hyp.get(n).entrySet()) {
        hypCount += e.getValue();
        matches += Math.min(e.getValue(), rc.getOrDefault(e.getKey(), 0));
      }
      s[n][0] = rc.isEmpty() ? 0 : hypCount;
      s[n][1] = rc.values().stream().mapToLong(Integer::longValue).sum();
      s[n][2] = matches;
    }
    return s;
  }

  /** Corpus chrF of {@code hypotheses} against one reference each. */
  public static double corpus(List<String> hypotheses, List<String> references) {
    return corpusMulti(hypotheses, List.of(references));
  }

  /** Corpus chrF against several reference streams (each as long as the hypotheses). */
  public static double corpusMulti(List<String> hypotheses, List<List<String>> referenceStreams) {
    for (List<String> r : referenceStreams) {
      Pairs.requireSameSize(hypotheses, r);
    }
    long[][] total = new long[ORDER][3];
    for (int i = 0; i < hypotheses.size(); i++) {
      final int k = i;
      long[][] s =
          sentenceStats(hypotheses.get(i), referenceStreams.stream().map(r -> r.get(k)).toList());
      for (int n = 0; n < ORDER; n++) {
        for (int c = 0; c < 3; c++) {
          total[n][c] += s[n][c];
        }
      }
    }
    return score(total);
  }

  /**
   * sacreBLEU's signature of these settings, with {@code version} (seq4j's) in place of
   * sacreBLEU's.
   */
  public static String signature(int references, String version) {
    return "nrefs:" + references + "|case:mixed|eff:yes|nc:6|nw:0|space:no|version:" + version;
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

  /** Character n-grams of orders 1..6 with their counts. */
  private static List<Map<String, Integer>> ngrams(int[] cps) {
    List<Map<String, Integer>> byOrder = new ArrayList<>(ORDER);
    for (int n = 1; n <= ORDER; n++) {
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i + n <= cps.length; i++) {
        m.merge(new String(cps, i, n), 1, Integer::sum);
      }
      byOrder.add(m);
    }
    return byOrder;
  }
}
