package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.seq4j.model.Parameters;

/**
 * Gated recurrent unit (Cho et al. 2014), in PyTorch's formulation.
 *
 * <pre>
 * r = σ(W_ir x + b_ir + W_hr h_prev + b_hr)          reset gate
 * z = σ(W_iz x + b_iz + W_hz h_prev + b_hz)          update gate
 * n = tanh(W_in x + b_in + r * (W_hn h_prev + b_hn))  candidate
 * h = (1 - z) * n + z * h_prev
 * </pre>
 */
public final class GruCell extends RnnCell {

  /** Registers the cell's weights as {@code NAME.weight_ih} etc. */
  public GruCell(Parameters params, String name, int input, int hidden) {
    super(params, name, CellType.GRU, input, hidden);
  }

  @Override
  public CellState step(NDArray x, CellState prev) {
    NDList gi = inputGates(x); // 3 × (B, H)
    NDList gh = hiddenGates(prev.h()); // 3 × (B, H)
    NDArray r = sigmoid(gi.get(0).add(gh.get(0)));
    NDArray z = sigmoid(gi.get(1).add(gh.get(1)));
    NDArray n = gi.get(2).add(r.mul(gh.get(2))).tanh();
    NDArray h = z.neg().add(1).mul(n).add(z.mul(prev.h())); // (1 - z) * n + z * h_prev
    return new CellState(h, null);
  }

  @Override
  public CellType type() {
    return CellType.GRU;
  }
}
