package dev.seq4j.gradflow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.seq4j.model.rnn.CellState;
import dev.seq4j.model.rnn.RnnCell;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The gradient of a loss at the last step with respect to every hidden state of one recurrent
 * layer, by back-propagation through time:
 *
 * <pre>
 * ∂L/∂h_T = ∂L/∂h_T (direct)        ∂L/∂h_t = (∂h_{t+1}/∂h_t)ᵀ · ∂L/∂h_{t+1}
 * Elman: ∂h_{t+1}/∂h_t = diag(1 − h_{t+1}²) · W_hh
 * </pre>
 *
 * A product of T − t Jacobians: when their norms stay below 1 the gradient vanishes geometrically
 * (Elman), while the LSTM's additive cell path ({@code c = f·c_prev + i·g}) and the GRU's
 * interpolation keep it. Measured by adding a zero "probe" z_t to each h_t: ∂L/∂z_t = ∂L/∂h_t,
 * total derivative through all later steps.
 */
public final class GradientFlow {
  private GradientFlow() {}

  /**
   * ‖∂L/∂h_t‖ for t = 1…T, averaged over the batch, where h runs {@code cell} over {@code x} (B, T,
   * in) from a zero state and L = {@code lossOfLast}(h_T) summed over the batch (so row b of the
   * gradient is that of sequence b's own loss).
   */
  public static double[] hiddenGradientNorms(
      RnnCell cell, NDArray x, Function<NDArray, NDArray> lossOfLast) {
    NDManager owner = x.getManager();
    try (NDManager scope = owner.newSubManager()) {
      long batch = x.getShape().get(0);
      int steps = (int) x.getShape().get(1);
      int hidden = cell.hidden();
      List<NDArray> probes = new ArrayList<>(steps);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray zero = scope.zeros(new ai.djl.ndarray.types.Shape(batch, hidden)); // (B, H)
        CellState state = new CellState(zero, zero);
        for (int t = 0; t < steps; t++) {
          NDArray probe = scope.zeros(new ai.djl.ndarray.types.Shape(batch, hidden));
          probe.setRequiresGradient(true);
          probes.add(probe);
          CellState next = cell.step(x.get(new NDIndex(":, {}, :", t)), state);
          state = new CellState(next.h().add(probe), next.c());
        }
        gc.backward(lossOfLast.apply(state.h()).sum());
      }
      double[] norms = new double[steps];
      for (int t = 0; t < steps; t++) {
        NDArray g = probes.get(t).getGradient(); // (B, H)
        g.attach(scope);
        norms[t] = g.square().sum(new int[] {1}).sqrt().mean().getFloat();
      }
      return norms;
    }
  }
}
