package dev.seq4j.eval;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Translation edit rate (Snover et al. 2006) as sacreBLEU 2.x computes it by default: words are the
 * lowercased, whitespace-separated tokens (no normalisation, punctuation kept), edits are
 * insertions, deletions, substitutions and block shifts found by Tercom's greedy search (see {@link
 * ShiftSearch}). With several references a sentence counts its fewest edits against any of them and
 * the average length of all of them.
 *
 * <pre>
 * TER = 100 · Σ_s min_r edits(h_s, r) / Σ_s mean_r |r|
 * </pre>
 *
 * (100 when the references are all empty and some hypothesis is not, 0 when everything is empty).
 * Lower is better.
 */
public final class Ter {
  private static final Pattern WHITESPACE =
      Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

  private Ter() {}

  /** Sufficient statistics: edits and average reference length; parts add up to the corpus. */
  public record Stats(long edits, double refLength) {
    /** The sum of two statistics. */
    public Stats plus(Stats o) {
      return new Stats(edits + o.edits, refLength + o.refLength);
    }
  }

  /** A score in [0, ∞) with its parts. */
  public record Score(double score, long edits, double refLength) {
    /** sacreBLEU's one-line summary with {@code signature} after the name (none if empty). */
    public String format(String signature) {
      return String.format(
          Locale.ROOT, "TER%s = %.2f", signature.isEmpty() ? "" : "|" + signature, score);
    }
  }

  /** Corpus TER of {@code hypotheses} against one reference each. */
  public static Score corpus(List<String> hypotheses, List<String> references) {
    return corpusMulti(hypotheses, List.of(references));
  }

  /** Corpus TER against several reference streams (each as long as the hypotheses). */
  public static Score corpusMulti(List<String> hypotheses, List<List<String>> referenceStreams) {
    for (List<String> r : referenceStreams) {
      Pairs.requireSameSize(hypotheses, r);
    }
    Stats total = new Stats(0, 0);
    for (int i = 0; i < hypotheses.size(); i++) {
      final int k = i;
      total =
          total.plus(
              sentenceStats(
                  hypotheses.get(i), referenceStreams.stream().map(r -> r.get(k)).toList()));
    }
    return score(total);
  }

  /** The statistics of one hypothesis against its references (at least one). */
  public static Stats sentenceStats(String hypothesis, List<String> references) {
    if (references.isEmpty()) {
      throw new IllegalArgumentException("TER needs at least one reference");
    }
    String[] hyp = words(hypothesis);
    long fewest = Long.MAX_VALUE;
    long refWords = 0;
    for (String reference : references) {
      String[] ref = words(reference);
      fewest = Math.min(fewest, ShiftSearch.edits(hyp, ref));
      refWords += ref.length;
    }
    return new Stats(fewest, refWords / (double) references.size());
  }

  /** The score of accumulated statistics. */
  public static Score score(Stats s) {
    double rate;
    if (s.refLength() > 0) {
      rate = s.edits() / s.refLength();
    } else {
      rate = s.edits() > 0 ? 1 : 0;
    }
    return new Score(100 * rate, s.edits(), s.refLength());
  }

  /**
   * sacreBLEU's signature of these settings, with {@code version} (seq4j's) in place of
   * sacreBLEU's.
   */
  public static String signature(int references, String version) {
    return "nrefs:"
        + references
        + "|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:"
        + version;
  }

  /** The words TER compares: lowercased and split at whitespace. */
  static String[] words(String sentence) {
    String s = WHITESPACE.matcher(sentence.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return s.isEmpty() ? new String[0] : s.split(" ");
  }
}
