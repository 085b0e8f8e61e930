package dev.seq4j.model;

import ai.djl.ndarray.NDArray;
import java.util.stream.IntStream;

/**
 * Inverted dropout: in training, zero each element with probability p and scale the rest by
 * 1/(1-p).
 *
 * <pre>
 * y = x ⊙ m / (1-p)        m_i ~ Bernoulli(1-p)
 * </pre>
 *
 * The mask comes from a counter-based generator (SplitMix64 of a per-call stream key and the
 * element's index), filled on every core and multiplied in. libtorch's CPU dropout draws its
 * Bernoulli samples one element after another from one generator (profiled on our AMD machines:
 * {@code CPUGeneratorImpl::random64} per element), a quarter of a Transformer training step. The
 * masks are reproducible: {@link #seed} (the trainer calls it before every step) fixes the sequence
 * of masks on the calling thread.
 */
public final class Dropout {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int CHUNK = 1 << 16;
  private static final ThreadLocal<long[]> STREAM = ThreadLocal.withInitial(() -> new long[] {1});

  private Dropout() {}

  /** Starts this thread's sequence of masks from {@code seed}. */
  public static void seed(long seed) {
    STREAM.get()[0] = mix(seed);
  }

  /** {@code x} unchanged when not training or {@code p} is 0. */
  public static NDArray apply(NDArray x, double p, boolean training) {
    if (!training || p == 0) {
      return x;
    }
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), was " + p);
    }
    long size = x.size();
    if (size > Integer.MAX_VALUE) {
      return x.getNDArrayInternal().dropout(x, (float) p, true).singletonOrThrow();
    }
    float[] mask = mask((int) size, p, next());
    return x.mul(x.getManager().create(mask, x.getShape()));
  }

  /** The stream key of the next mask on this thread. */
  private static long next() {
    long[] state = STREAM.get();
    long key = state[0];
    state[0] = mix(key + GOLDEN);
    return key;
  }

  /** {@code n} values, each 0 with probability p, else 1/(1-p); a function of {@code key}. */
  static float[] mask(int n, double p, long key) {
    float[] mask = new float[n];
    float kept = (float) (1 / (1 - p));
    long threshold = (long) (p * (1L << 53)); // drop where the top 53 bits fall below p·2^53
    IntStream.range(0, (n + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(
            c -> {
              int end = Math.min(n, (c + 1) * CHUNK);
              for (int i = c * CHUNK; i < end; i++) {
                mask[i] = (mix(key + i * GOLDEN) >>> 11) < threshold ? 0f : kept;
              }
            });
    return mask;
  }

  /** SplitMix64's finaliser: a bijection of 64-bit values with good avalanche. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
