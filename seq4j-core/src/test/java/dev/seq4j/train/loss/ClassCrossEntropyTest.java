package dev.seq4j.train.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import org.junit.jupiter.api.Test;

class ClassCrossEntropyTest {
  private static double logSumExp(double... v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    double s = 0;
    for (double x : v) {
      s += Math.exp(x - m);
    }
    return m + Math.log(s);
  }

  @Test
  void weightedMeanAndSmoothingMatchTheFormula() {
    float[][] l = {{2f, 0f, -1f}, {0.5f, 0.5f, 1f}, {-1f, 3f, 0f}};
    long[] y = {0, 2, 0};
    float[] w = {0.5f, 1f, 2f};
    double[] nll = new double[3];
    double[] smooth = new double[3];
    for (int i = 0; i < 3; i++) {
      double z = logSumExp(l[i][0], l[i][1], l[i][2]);
      nll[i] = z - l[i][(int) y[i]];
      smooth[i] = z - (l[i][0] + l[i][1] + l[i][2]) / 3.0;
    }
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray logits = m.create(new float[] {2, 0, -1, 0.5f, 0.5f, 1, -1, 3, 0}, new Shape(3, 3));
      NDArray labels = m.create(y).toType(DataType.INT64, false);
      MaskedCrossEntropy.Result plain = ClassCrossEntropy.loss(logits, labels, null, 0);
      assertEquals(3, plain.tokens());
      assertEquals(2, plain.correct()); // rows 0 and 1
      assertEquals((nll[0] + nll[1] + nll[2]) / 3, plain.sum().getFloat() / 3, 1e-5);
      // weights of the labels: 0.5, 2, 0.5 → Σ w·nll / Σ w
      double weighted = (0.5 * nll[0] + 2 * nll[1] + 0.5 * nll[2]) / 3.0;
      MaskedCrossEntropy.Result r = ClassCrossEntropy.loss(logits, labels, m.create(w), 0);
      assertEquals(weighted, r.sum().getFloat() / r.tokens(), 1e-5);
      double eps = 0.1;
      double smoothed = 0;
      for (int i = 0; i < 3; i++) {
        smoothed += (1 - eps) * nll[i] + eps * smooth[i];
      }
      MaskedCrossEntropy.Result s = ClassCrossEntropy.loss(logits, labels, null, eps);
      assertEquals(smoothed / 3, s.sum().getFloat() / 3, 1e-5);
    }
  }

  @Test
  void balancedWeightsGiveEveryClassTheSameTotal() {
    float[] w = ClassCrossEntropy.balanced(new int[] {6, 3, 1, 0});
    // n / (C · n_c) with n = 10, C = 4
    assertArrayEquals(new float[] {10f / 24, 10f / 12, 10f / 4, 0f}, w, 1e-6f);
    assertEquals(6 * w[0], 3 * w[1], 1e-6);
    assertEquals(3 * w[1], 1 * w[2], 1e-6);
  }
}
