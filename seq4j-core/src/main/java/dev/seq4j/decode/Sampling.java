package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Random;

/**
 * Draws each next token at random:
 *
 * <pre>
 * p(v) ∝ exp(logit_v / T)          over the k most probable tokens (top-k, k &gt; 0)
 *                                  and the fewest most probable tokens whose mass reaches p (top-p)
 * </pre>
 *
 * Temperature 0 is the argmax (greedy decoding). Seeded, so a run can be repeated exactly.
 */
public final class Sampling implements TokenChooser {
  private final double temperature;
  private final int topK;
  private final double topP;
  private final Random random;

  /**
   * @param temperature T ≥ 0 (0: argmax; below 1 sharper, above 1 flatter)
   * @param topK keep the k most probable tokens (0: all)
   * @param topP keep the smallest set of most probable tokens with mass ≥ p (1: all)
   * @param seed seeds the draws
   */
  public Sampling(double temperature, int topK, double topP, long seed) {
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0, was " + topK);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
    }
    this.temperature = temperature;
    this.topK = topK;
    this.topP = topP;
    this.random = new Random(seed);
  }

  @Override
  public long[] choose(NDArray logits) {
    if (temperature == 0) {
      return ARGMAX.choose(logits);
    }
    int rows = (int) logits.getShape().get(0);
    int vocabulary = (int) logits.getShape().get(1);
    float[] all = logits.toFloatArray();
    long[] out = new long[rows];
    for (int r = 0; r < rows; r++) {
      out[r] = draw(Arrays.copyOfRange(all, r * vocabulary, (r + 1) * vocabulary));
    }
    return out;
  }

  /** One draw from a row of logits. */
  int draw(float[] logits) {
    Integer[] order = new Integer[logits.length];
    for (int v = 0; v < order.length; v++) {
      order[v] = v;
    }
    Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a])); // most probable first
    int kept = topK > 0 ? Math.min(topK, order.length) : order.length;
    double[] p = new double[kept];
    double max = logits[order[0]];
    double z = 0;
    for (int i = 0; i < kept; i++) {
      p[i] = Math.exp((logits[order[i]] - max) / temperature);
      z += p[i];
    }
    if (topP < 1) {
      double mass = 0;
      int n = 0;
      while (n < kept && mass < topP * z) {
        mass += p[n++];
      }
      kept = n;
      z = mass;
    }
    double u = random.nextDouble() * z;
    for (int i = 0; i < kept; i++) {
      u -= p[i];
      if (u < 0) {
        return order[i];
      }
    }
    return order[kept - 1];
  }
}
