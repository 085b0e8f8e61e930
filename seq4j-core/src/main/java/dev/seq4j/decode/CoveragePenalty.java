package dev.seq4j.decode;

/**
 * GNMT's coverage penalty (Wu et al. 2016, §7): added to the length-penalised score of a finished
 * hypothesis, it favours outputs whose attention has covered every source token.
 *
 * <pre>
 * cp(X; Y) = β · Σ_{i=1}^{|X|} log(min(Σ_{t=1}^{|Y|} a_{t,i}, 1.0))
 * </pre>
 *
 * where {@code a_{t,i}} is the attention of output step t (its {@code <eos>} included) on source
 * token i. It is never above 0, so beam search's early stop stays exact. A source token never
 * attended at all (a sum of exactly 0, whose log is −∞) counts as {@value #FLOOR}.
 *
 * @param beta β; 0 is off
 */
public record CoveragePenalty(double beta) {
  /** The smallest coverage a source token counts with. */
  static final double FLOOR = 1e-10;

  /** No coverage penalty. */
  public static final CoveragePenalty NONE = new CoveragePenalty(0);

  /** Validates β. */
  public CoveragePenalty {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("coveragePenalty must be >= 0, was " + beta);
    }
  }

  /** Whether the penalty is on. */
  public boolean active() {
    return beta > 0;
  }

  /** cp of a hypothesis whose attention sums to {@code coverage[i]} on source token i. */
  public double score(float[] coverage) {
    double sum = 0;
    for (float c : coverage) {
      sum += Math.log(Math.max(Math.min(c, 1.0), FLOOR));
    }
    return beta * sum;
  }
}
