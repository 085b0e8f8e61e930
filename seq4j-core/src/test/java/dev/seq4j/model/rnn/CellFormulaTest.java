package dev.seq4j.model.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each cell against its formula evaluated by hand in doubles, with one input and one unit. */
class CellFormulaTest {
  private NDManager manager;
  private Parameters params;

  @BeforeEach
  void setUp() {
    Engines.start();
    manager = NDManager.newBaseManager();
    params = new Parameters(manager);
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  private void set(String name, float... values) {
    NDArray a = params.get(name);
    a.setRequiresGradient(false);
    a.set(values);
    a.setRequiresGradient(true);
  }

  private NDArray scalar(double v) {
    return manager.create(new float[] {(float) v}, new Shape(1, 1));
  }

  @Test
  void lstmStepFollowsGateOrderIFGO() {
    LstmCell cell = new LstmCell(params, "c", 1, 1);
    set("c.weight_ih", 0.1f, 0.2f, 0.3f, 0.4f);
    set("c.weight_hh", 0.5f, 0.6f, 0.7f, 0.8f);
    set("c.bias_ih", 0.01f, 0.02f, 0.03f, 0.04f);
    set("c.bias_hh", 0, 0, 0, -0.1f);
    double x = 2;
    double hPrev = -0.5;
    double cPrev = 0.3;
    CellState s = cell.step(scalar(x), new CellState(scalar(hPrev), scalar(cPrev)));

    double i = sigmoid(0.1 * x + 0.01 + 0.5 * hPrev);
    double f = sigmoid(0.2 * x + 0.02 + 0.6 * hPrev);
    double g = Math.tanh(0.3 * x + 0.03 + 0.7 * hPrev);
    double o = sigmoid(0.4 * x + 0.04 + 0.8 * hPrev - 0.1);
    double c = f * cPrev + i * g;
    double h = o * Math.tanh(c);
    assertArrayEquals(new float[] {(float) c}, s.c().toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {(float) h}, s.h().toFloatArray(), 1e-6f);
  }

  @Test
  void gruStepAppliesResetInsideTheCandidate() {
    GruCell cell = new GruCell(params, "g", 1, 1);
    set("g.weight_ih", 0.1f, 0.2f, 0.3f);
    set("g.weight_hh", 0.5f, 0.6f, 0.7f);
    set("g.bias_ih", 0.01f, 0.02f, 0.03f);
    set("g.bias_hh", 0.04f, 0.05f, 0.06f);
    double x = 1.5;
    double hPrev = 0.4;
    CellState s = cell.step(scalar(x), new CellState(scalar(hPrev), null));

    double r = sigmoid(0.1 * x + 0.01 + 0.5 * hPrev + 0.04);
    double z = sigmoid(0.2 * x + 0.02 + 0.6 * hPrev + 0.05);
    double n = Math.tanh(0.3 * x + 0.03 + r * (0.7 * hPrev + 0.06));
    double h = (1 - z) * n + z * hPrev;
    assertArrayEquals(new float[] {(float) h}, s.h().toFloatArray(), 1e-6f);
    assertNull(s.c());
  }

  @Test
  void elmanStepIsTanhOfAffineSum() {
    ElmanCell cell = new ElmanCell(params, "e", 2, 1);
    set("e.weight_ih", 0.3f, -0.2f);
    set("e.weight_hh", 0.9f);
    set("e.bias_ih", 0.1f);
    set("e.bias_hh", -0.05f);
    NDArray x = manager.create(new float[] {1f, 2f}, new Shape(1, 2));
    CellState s = cell.step(x, new CellState(scalar(0.5), null));

    double h = Math.tanh(0.3 * 1 - 0.2 * 2 + 0.1 + 0.9 * 0.5 - 0.05);
    assertArrayEquals(new float[] {(float) h}, s.h().toFloatArray(), 1e-6f);
  }
}
