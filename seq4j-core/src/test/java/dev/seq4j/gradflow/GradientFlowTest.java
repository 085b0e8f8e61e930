package dev.seq4j.gradflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.ElmanCell;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientFlowTest {

  /**
   * A one-unit Elman RNN, h_t = tanh(w·x_t + u·h_{t−1} + b), with w = 0.5, u = 0.8, b = 0.1 and L =
   * h_T: by hand, ∂L/∂h_T = 1 and ∂L/∂h_{t−1} = u·(1 − h_t²)·∂L/∂h_t.
   */
  @Test
  void elmanGradientsMatchTheHandComputation() {
    double w = 0.5;
    double u = 0.8;
    double b = 0.1;
    double[] x = {1.0, -0.5, 0.25, 2.0};
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameters params = new Parameters(manager);
      ElmanCell cell = new ElmanCell(params, "cell", 1, 1);
      params.get("cell.weight_ih").set(new NDIndex("..."), (float) w);
      params.get("cell.weight_hh").set(new NDIndex("..."), (float) u);
      params.get("cell.bias_ih").set(new NDIndex("..."), (float) b);
      params.get("cell.bias_hh").set(new NDIndex("..."), 0f);
      NDArray input = manager.create(new float[] {1f, -0.5f, 0.25f, 2f}, new Shape(1, 4, 1));
      double[] norms = GradientFlow.hiddenGradientNorms(cell, input, h -> h.sum(new int[] {1}));

      double[] h = new double[x.length];
      double prev = 0;
      for (int t = 0; t < x.length; t++) {
        h[t] = Math.tanh(w * x[t] + u * prev + b);
        prev = h[t];
      }
      double[] expected = new double[x.length];
      expected[x.length - 1] = 1;
      for (int t = x.length - 1; t > 0; t--) {
        expected[t - 1] = u * (1 - h[t] * h[t]) * expected[t];
      }
      for (int t = 0; t < x.length; t++) {
        assertEquals(expected[t], norms[t], 1e-6, "t = " + (t + 1));
      }
    }
  }

  /** Averaged over a batch: the mean of the per-sequence norms (each row its own loss). */
  @Test
  void theNormIsTheMeanOverTheBatchOfEachSequencesNorm() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameters params = new Parameters(manager);
      ElmanCell cell = new ElmanCell(params, "cell", 1, 1);
      params.get("cell.weight_hh").set(new NDIndex("..."), 0f);
      NDArray input = manager.zeros(new Shape(3, 2, 1));
      double[] norms =
          GradientFlow.hiddenGradientNorms(cell, input, h -> h.sum(new int[] {1}).mul(2));
      assertEquals(2.0, norms[1], 1e-6);
      assertEquals(0.0, norms[0], 1e-6); // u = 0: nothing flows back
    }
  }

  /** At initialisation an Elman RNN passes far less gradient back 30 steps than an LSTM. */
  @Test
  void elmanLosesMoreGradientOverTimeThanLstmAtInitialisation() {
    try (NDManager manager = NDManager.newBaseManager()) {
      double[] ratio = new double[2];
      CellType[] types = {CellType.ELMAN, CellType.LSTM};
      for (int i = 0; i < 2; i++) {
        try (CopyTask task = new CopyTask(manager, types[i], 4, 30, 16, 1)) {
          double[] n = task.gradientNorms(16, new Random(2));
          ratio[i] = n[0] / n[n.length - 1];
        }
      }
      assertTrue(ratio[0] < ratio[1], java.util.Arrays.toString(ratio));
    }
  }
}
