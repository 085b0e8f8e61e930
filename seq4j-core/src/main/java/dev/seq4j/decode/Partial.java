package dev.seq4j.decode;

import java.util.Arrays;

/**
 * A beam-search hypothesis still being extended.
 *
 * @param ids its tokens so far
 * @param logProb their total log-probability
 * @param weights each token's attention over the source when kept, else null
 * @param coverage each source token's attention summed over the steps so far (the coverage
 *     penalty's Σ_t a_{t,i}), or null when not tracked
 */
record Partial(int[] ids, double logProb, float[][] weights, float[] coverage) {
  /** The empty hypothesis. */
  static final Partial EMPTY = new Partial(new int[0], 0, null, null);

  /**
   * This hypothesis extended by {@code token}, with total log-probability {@code total}; {@code w}
   * is the step's attention over the source (or null), kept when {@code keepWeights} and summed
   * into the coverage when {@code trackCoverage}.
   */
  Partial extend(int token, double total, float[] w, boolean keepWeights, boolean trackCoverage) {
    int[] more = Arrays.copyOf(ids, ids.length + 1);
    more[ids.length] = token;
    float[][] moreWeights = null;
    if (keepWeights && w != null) {
      moreWeights = Arrays.copyOf(weights == null ? new float[0][] : weights, ids.length + 1);
      moreWeights[ids.length] = w;
    }
    float[] moreCoverage = null;
    if (trackCoverage && w != null) {
      moreCoverage = coverage == null ? new float[w.length] : coverage.clone();
      for (int i = 0; i < w.length; i++) {
        moreCoverage[i] += w[i];
      }
    }
    return new Partial(more, total, moreWeights, moreCoverage);
  }

  /**
   * This hypothesis finished: at its {@code <eos>} (the last token, dropped) or cut at the length
   * cap; scored with the length {@code penalty} plus, when active, the {@code coverage} penalty.
   */
  Hypothesis finish(boolean eos, LengthPenalty penalty, CoveragePenalty coverage) {
    int[] kept = eos ? Arrays.copyOf(ids, ids.length - 1) : ids;
    float[][] w = weights == null ? null : Arrays.copyOf(weights, kept.length);
    double score = penalty.score(logProb, ids.length);
    if (coverage.active()) {
      score += coverage.score(this.coverage);
    }
    return new Hypothesis(kept, logProb, score, w, eos ? FinishReason.EOS : FinishReason.LENGTH);
  }
}
