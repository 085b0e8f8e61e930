package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;
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
  private final NDArray kernel; // (1, 1, w)
  private final int radius;

  /** Registers {@code NAME.location} of {@code width} (odd, ≥ 1) taps. */
  public LocationTerm(Parameters params, String name, int width) {
    if (width < 1 || width % 2 == 0) {
      throw new IllegalArgumentException("location width must be odd and >= 1, was " + width);
    }
    this.kernel = params.constant(name + ".location", new Shape(1, 1, width), 0f);
    this.radius = width / 2;
  }

  /** The term for the previous weights {@code previous} (B, S): (B, 1, S). */
  public NDArray apply(NDArray previous) {
    NDArray x = previous.expandDims(1); // (B, 1, S)
    return x.getNDArrayInternal()
        .convolution(x, kernel, null, new Shape(1), new Shape(radius), new Shape(1), 1)
        .singletonOrThrow();
  }
}
