package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;

/**
 * A location-sensitive term for attention scores (after Chorowski et al. 2015): the previous step's
 * weights, convolved with a learned kernel of odd width {@code w = 2r + 1}, are added to the
 * content scores, so the model can learn "move one position on from where I looked last" — the
 * alignment of monotonic tasks, which content alone gets wrong inside runs of repeated tokens.
 *
 * <pre>
 * score'(s_t, h_j) = score(s_t, h_j) + Σ_{d=-r..r} k_d · α_{t-1, j+d}      (α_{t-1} = 0 outside 1..S)
 * </pre>
 *
 * Chorowski's F filters enter the additive score inside its tanh; added outside, as here, F filters
 * followed by a linear map collapse into this one kernel. It starts at 0 (pure content attention).
 */
public final class LocationTerm {
  private final NDArray kernel; // (w): k_-r … k_r
  private final int width;

  /** Registers {@code NAME.location} of {@code width} (odd, ≥ 1) taps. */
  public LocationTerm(Parameters params, String name, int width) {
    if (width < 1 || width % 2 == 0) {
      throw new IllegalArgumentException("location width must be odd and >= 1, was " + width);
    }
    this.kernel = params.constant(name + ".location", new Shape(width), 0f);
    this.width = width;
  }

  /**
   * The banded (S, S) matrix {@code K[i][j] = k_{i-j}} for sentences of {@code s} positions, so
   * that the term is one product, {@code α_{t-1} · K} ({@link #apply}): cheap to differentiate,
   * where a one-channel convolution is slow in both directions. It depends only on the kernel and
   * S: build it once per batch (inside the recorded forward pass when training) and reuse it at
   * every step.
   */
  public NDArray banded(NDManager manager, int s) {
    int r = width / 2;
    float[] shifts = new float[s * s * width]; // E[(i, j), d + r] = 1 where i - j = d
    for (int i = 0; i < s; i++) {
      for (int j = Math.max(0, i - r); j <= Math.min(s - 1, i + r); j++) {
        shifts[(i * s + j) * width + (i - j + r)] = 1;
      }
    }
    return manager.create(shifts, new Shape((long) s * s, width)).matMul(kernel).reshape(s, s);
  }

  /** The term for the previous weights {@code previous} (B, S): (B, 1, S). */
  public static NDArray apply(NDArray previous, NDArray banded) {
    return previous.matMul(banded).expandDims(1);
  }
}
