package dev.seq4j.model.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Parameters;
import org.junit.jupiter.api.Test;

/** The cell's initialisation: PyTorch's bounds, and the keep-gate (forget) bias. */
class RnnCellTest {
  private static final int H = 8;

  /**
   * Sets the keep-gate bias of a fresh {@code type} cell of H units to 1 and returns b_ih and b_hh.
   */
  private static float[][] biasesAfterKeepGateBias(CellType type) {
    Engines.start();
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameters params = new Parameters(manager);
      RnnCell cell = RnnCell.create(type, params, "c", 3, H);
      cell.setKeepGateBias(1.0);
      return new float[][] {
        params.get("c.bias_ih").toFloatArray(), params.get("c.bias_hh").toFloatArray()
      };
    }
  }

  @Test
  void lstmForgetBiasSetsBlockOneOfIFGOAndLeavesTheOtherGatesAtTheirDraw() {
    float[][] b = biasesAfterKeepGateBias(CellType.LSTM);
    double bound = 1 / Math.sqrt(H);
    for (int j = 0; j < 4 * H; j++) {
      boolean forget = j >= H && j < 2 * H;
      if (forget) {
        assertEquals(1.0f, b[0][j], "b_ih[" + j + "]");
        assertEquals(0.0f, b[1][j], "b_hh[" + j + "]");
      } else {
        assertTrue(Math.abs(b[0][j]) <= bound && Math.abs(b[1][j]) <= bound, "j = " + j);
      }
    }
    // the other gates keep PyTorch's random draw, not a constant
    assertTrue(b[0][0] != b[0][1] && b[0][2 * H] != b[0][2 * H + 1]);
  }

  @Test
  void gruKeepBiasIsTheUpdateGateZ() {
    float[][] b = biasesAfterKeepGateBias(CellType.GRU);
    for (int j = 0; j < 3 * H; j++) {
      boolean z = j >= H && j < 2 * H;
      assertEquals(z, b[0][j] == 1.0f && b[1][j] == 0.0f, "j = " + j);
    }
  }

  /** With the bias, the forget gate of a zero input and state is σ(1) = 0.7311 exactly. */
  @Test
  void theLstmForgetGateStartsAtSigmoidOfTheBias() {
    Engines.start();
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameters params = new Parameters(manager);
      LstmCell cell = new LstmCell(params, "c", 1, 1);
      cell.setKeepGateBias(1.0);
      params.get("c.bias_ih").set(new ai.djl.ndarray.index.NDIndex("0"), 100f); // i = 1
      params.get("c.bias_ih").set(new ai.djl.ndarray.index.NDIndex("3"), 100f); // o = 1
      params.get("c.bias_ih").set(new ai.djl.ndarray.index.NDIndex("2"), 0f); // g = 0
      params.get("c.bias_hh").set(new ai.djl.ndarray.index.NDIndex("2"), 0f);
      var zero = manager.zeros(new ai.djl.ndarray.types.Shape(1, 1));
      var one = manager.ones(new ai.djl.ndarray.types.Shape(1, 1));
      CellState s = cell.step(zero, new CellState(zero, one)); // c = f·1 + i·0 = f
      assertEquals(1 / (1 + Math.exp(-1)), s.c().getFloat(), 1e-6);
    }
  }

  @Test
  void elmanHasNoGateToBias() {
    Engines.start();
    try (NDManager manager = NDManager.newBaseManager()) {
      RnnCell cell = RnnCell.create(CellType.ELMAN, new Parameters(manager), "c", 1, 2);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> cell.setKeepGateBias(1.0));
      assertEquals(
          "a keep-gate (forget) bias needs an lstm or gru cell; the elman cell has no gate",
          e.getMessage());
    }
  }
}
