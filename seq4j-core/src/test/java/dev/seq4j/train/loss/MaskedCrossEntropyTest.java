package dev.seq4j.train.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seq4j.engine.Engines;
import org.junit.jupiter.api.Test;

class MaskedCrossEntropyTest {
  private static final float[] LOGITS = {1, 2, 3, 0.5f, -1, 0};

  private static double logSumExp(double... v) {
    double s = 0;
    for (double x : v) {
      s += Math.exp(x);
    }
    return Math.log(s);
  }

  @Test
  void handComputedLossWithAndWithoutSmoothing() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray logits = m.create(LOGITS, new Shape(1, 2, 3));
      NDArray targets = m.create(new long[] {2, 0}, new Shape(1, 2));
      NDArray mask = m.create(new boolean[] {true, true}, new Shape(1, 2));
      double nll0 = logSumExp(1, 2, 3) - 3;
      double nll1 = logSumExp(0.5, -1, 0) - 0.5;
      MaskedCrossEntropy.Result r = MaskedCrossEntropy.loss(logits, targets, mask, 0);
      assertEquals(nll0 + nll1, r.sum().getFloat(), 1e-5);
      assertEquals(2, r.tokens());
      assertEquals(2, r.correct());

      double eps = 0.1;
      double smooth0 = logSumExp(1, 2, 3) - (1 + 2 + 3) / 3.0;
      double smooth1 = logSumExp(0.5, -1, 0) - (0.5 - 1 + 0) / 3.0;
      double expected = (1 - eps) * (nll0 + nll1) + eps * (smooth0 + smooth1);
      assertEquals(
          expected, MaskedCrossEntropy.loss(logits, targets, mask, eps).sum().getFloat(), 1e-5);
    }
  }

  @Test
  void paddingChangesNeitherLossNorGradient() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray targets = m.create(new long[] {2, 0}, new Shape(1, 2));
      NDArray mask = m.create(new boolean[] {true, false}, new Shape(1, 2));
      float[] changed = LOGITS.clone();
      changed[3] = 40;
      changed[4] = -7;
      float[][] grads = new float[2][];
      float[] losses = new float[2];
      int i = 0;
      for (float[] values : new float[][] {LOGITS, changed}) {
        NDArray logits = m.create(values, new Shape(1, 2, 3));
        logits.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray loss = MaskedCrossEntropy.loss(logits, targets, mask, 0.1).sum();
          losses[i] = loss.getFloat();
          gc.backward(loss);
        }
        grads[i++] = logits.getGradient().toFloatArray();
      }
      assertEquals(losses[0], losses[1], 0);
      assertArrayEquals(grads[0], grads[1], 0);
      assertArrayEquals(
          new float[] {0, 0, 0}, new float[] {grads[0][3], grads[0][4], grads[0][5]}, 0);
    }
  }

  @Test
  void gradientIsSoftmaxMinusOneHot() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray logits = m.create(new float[] {1, 2, 3}, new Shape(1, 1, 3));
      logits.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(
            MaskedCrossEntropy.loss(
                    logits,
                    m.create(new long[] {1}, new Shape(1, 1)),
                    m.create(new boolean[] {true}, new Shape(1, 1)),
                    0)
                .sum());
      }
      double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
      float[] expected = {
        (float) (Math.exp(1) / z), (float) (Math.exp(2) / z - 1), (float) (Math.exp(3) / z)
      };
      assertArrayEquals(expected, logits.getGradient().toFloatArray(), 1e-6f);
    }
  }
}
