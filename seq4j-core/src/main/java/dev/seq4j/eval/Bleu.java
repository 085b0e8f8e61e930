package dev.seq4j.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corpus BLEU exactly as sacreBLEU 2.x computes it by default: 13a tokenization, n-grams up to 4,
 * "exp" smoothing, brevity penalty against the closest reference length.
 *
 * <pre>
 * p_n = 100 · correct_n / total_n        (a zero count gets 100 / (2^k · total_n), k-th zero)
 * BP  = 1 if c ≥ r else exp(1 - r / c)
 * BLEU = BP · exp((1/4) Σ_n log p_n)
 * </pre>
 */
public final class Bleu {
  private static final int ORDER = 4;

  private Bleu() {}

  /** A score with its parts. */
  public record Score(
      double score, double[] precisions, double brevityPenalty, long sysLength, long refLength) {
    /** sacreBLEU's one-line summary. */
    public String format() {
      return format("");
    }

    /** sacreBLEU's one-line summary with {@code signature} after the name (none if empty). */
    public String format(String signature) {
      StringBuilder p = new StringBuilder();
      for (int i = 0; i < precisions.length; i++) {
        p.append(i == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", precisions[i]));
      }
      return String.format(
          Locale.ROOT,
          "BLEU%s = %.2f %s (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
          signature.isEmpty() ? "" : "|" + signature,
          score,
          p,
          brevityPenalty,
          sysLength / (double) Math.max(refLength, 1),
          sysLength,
          refLength);
    }
  }

  /** Corpus BLEU of {@code hypotheses} against one reference each. */
  public static Score corpus(List<String> hypotheses, List<String> references) {
    return corpusMulti(hypotheses, List.of(references));
  }

  /** Corpus BLEU against several reference streams (each as long as the hypotheses). */
  public static Score corpusMulti(List<String> hypotheses, List<List<String>> referenceStreams) {
    for (List<String> r : referenceStreams) {
      Pairs.requireSameSize(hypotheses, r);
    }
    BleuStats stats = BleuStats.zero(ORDER);
    for (int i = 0; i < hypotheses.size(); i++) {
      final int k = i;
      stats =
          stats.plus(
              sentenceStats(
                  hypotheses.get(i), referenceStreams.stream().map(r -> r.get(k)).toList()));
    }
    return score(stats);
  }

  /**
   * sacreBLEU's signature of these settings, with {@code version} (seq4j's) in place of
   * sacreBLEU's.
   */
  public static String signature(int references, String version) {
    return "nrefs:" + references + "|case:mixed|eff:no|tok:13a|smooth:exp|version:" + version;
  }

  /** The statistics of one hypothesis against its references. */
  public static BleuStats sentenceStats(String hypothesis, List<String> references) {
    String[] hyp = Tokenizer13a.tokenize(hypothesis);
    Map<String, Integer> maxRef = new HashMap<>();
    long closest = -1;
    for (String ref : references) {
      String[] r = Tokenizer13a.tokenize(ref);
      long diff = Math.abs(r.length - hyp.length);
      long best = Math.abs(closest - hyp.length);
      if (closest < 0 || diff < best || (diff == best && r.length < closest)) {
        closest = r.length;
      }
      for (Map.Entry<String, Integer> e : ngrams(r).entrySet()) {
        maxRef.merge(e.getKey(), e.getValue(), Math::max);
      }
    }
    long[] correct = new long[ORDER];
    long[] total = new long[ORDER];
    for (Map.Entry<String, Integer> e : ngrams(hyp).entrySet()) {
      int n = order(e.getKey());
      correct[n - 1] += Math.min(e.getValue(), maxRef.getOrDefault(e.getKey(), 0));
    }
    for (int n = 1; n <= ORDER; n++) {
      total[n - 1] = Math.max(0, hyp.length - n + 1);
    }
    return new BleuStats(correct, total, hyp.length, Math.max(closest, 0));
  }

  /** The score of accumulated statistics. */
  public static Score score(BleuStats s) {
    double[] precisions = new double[ORDER];
    double smooth = 1;
    for (int n = 0; n < ORDER; n++) {
      if (s.total()[n] == 0) {
        break;
      }
      if (s.correct()[n] == 0) {
        smooth *= 2;
        precisions[n] = 100.0 / (smooth * s.total()[n]);
      } else {
        precisions[n] = 100.0 * s.correct()[n] / s.total()[n];
      }
    }
    double bp =
        s.sysLength() >= s.refLength()
            ? 1.0
            : s.sysLength() > 0 ? Math.exp(1 - s.refLength() / (double) s.sysLength()) : 0.0;
    double logSum = 0;
    for (double p : precisions) {
      logSum += p > 0 ? Math.log(p) : -9999999999.0;
    }
    return new Score(bp * Math.exp(logSum / ORDER), precisions, bp, s.sysLength(), s.refLength());
  }

  /** N-grams (1..4) of tokens, keyed by their tokens joined with U+0001 and the order prefixed. */
  private static Map<String, Integer> ngrams(String[] tokens) {
    Map<String, Integer> m = new HashMap<>();
    for (int n = 1; n <= ORDER; n++) {
      for (int i = 0; i + n <= tokens.length; i++) {
        StringBuilder key = new StringBuilder().append((char) ('0' + n));
        for (int j = i; j < i + n; j++) {
          key.append('\u0001').append(tokens[j]);
        }
        m.merge(key.toString(), 1, Integer::sum);
      }
    }
    return m;
  }

  private static int order(String key) {
    return key.charAt(0) - '0';
  }
}
