package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.seq4j.model.Parameters;

/**
 * Long short-term memory cell (Hochreiter and Schmidhuber 1997), gates in PyTorch's order.
 *
 * <pre>
 * i = σ(W_ii x + b_ii + W_hi h_prev + b_hi)      input gate
 * f = σ(W_if x + b_if + W_hf h_prev + b_hf)      forget gate
 * g = tanh(W_ig x + b_ig + W_hg h_prev + b_hg)   candidate
 * o = σ(W_io x + b_io + W_ho h_prev + b_ho)      output gate
 * c = f * c_prev + i * g
 * h = o * tanh(c)
 * </pre>
 */
public final class LstmCell extends RnnCell {

  /** Registers the cell's weights as {@code NAME.weight_ih} etc. */
  public LstmCell(Parameters params, String name, int input, int hidden) {
    super(params, name, CellType.LSTM, input, hidden);
  }

  @Override
  public CellState step(NDArray x, CellState prev) {
    NDList z = gates(x, prev.h()); // 4 × (B, H)
    NDArray i = sigmoid(z.get(0));
    NDArray f = sigmoid(z.get(1));
    NDArray g = z.get(2).tanh();
    NDArray o = sigmoid(z.get(3));
    NDArray c = f.mul(prev.c()).add(i.mul(g));
    NDArray h = o.mul(c.tanh());
    return new CellState(h, c);
  }

  @Override
  public CellType type() {
    return CellType.LSTM;
  }
}
