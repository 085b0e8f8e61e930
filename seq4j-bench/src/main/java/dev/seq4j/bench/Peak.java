package dev.seq4j.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * P0 of {@code shared/bench}: the machine's practical matrix-product rate through DJL and libtorch,
 * as the peer's {@code p0_peak_torch.py} measures it (2048² fp32 operands, median of 10 products
 * after 3 warm-up ones). {@code bench/compare.sh} sets the GFLOP/s of the P2 and P3 training steps
 * ({@link TrainingFlops}) against it. fp32 only: DJL (0.35.1 and 0.36.0) maps {@code
 * DataType.BFLOAT16} to no libtorch type, and its native code then ends the process ({@code
 * std::terminate}), so a bf16 product cannot be asked for (docs/BENCHMARKS.md, bf16).
 */
public final class Peak {
  /** The operand size of the peer's P0: 2048 × 2048. */
  public static final int N = 2048;

  private static final int WARMUP = 3;
  private static final int REPEATS = 10;

  private Peak() {}

  /** The fp32 GFLOP/s of an n × n product. */
  public static List<Workloads.Result> p0(NDManager manager, int n) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray a = scope.randomNormal(new Shape(n, n));
      NDArray b = scope.randomNormal(new Shape(n, n));
      double fp32 = gflops(a, b, n);
      String summary =
          String.format("P0 matmul %dx%d fp32: %.1f GFLOP/s (median of %d)", n, n, fp32, REPEATS);
      return List.of(new Workloads.Result("p0_matmul", "GFLOP/s", fp32, 0, summary));
    }
  }

  /** The median rate of {@link #REPEATS} products after {@link #WARMUP}. */
  static double gflops(NDArray a, NDArray b, int n) {
    for (int i = 0; i < WARMUP; i++) {
      a.matMul(b).close();
    }
    double[] seconds = new double[REPEATS];
    for (int i = 0; i < REPEATS; i++) {
      long t0 = System.nanoTime();
      a.matMul(b).close();
      seconds[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(seconds);
    double median = (seconds[REPEATS / 2 - 1] + seconds[REPEATS / 2]) / 2;
    return 2.0 * n * n * n / median / 1e9;
  }
}
