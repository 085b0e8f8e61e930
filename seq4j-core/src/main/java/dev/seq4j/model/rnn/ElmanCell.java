package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import dev.seq4j.model.Parameters;

/**
 * Elman's simple recurrent cell.
 *
 * <pre>
 * h = tanh(W_ih·x + b_ih + W_hh·h_prev + b_hh)
 * </pre>
 */
public final class ElmanCell extends RnnCell {

  /** Registers the cell's weights as {@code NAME.weight_ih} etc. */
  public ElmanCell(Parameters params, String name, int input, int hidden) {
    super(params, name, CellType.ELMAN, input, hidden);
  }

  @Override
  public CellState step(NDArray x, CellState prev) {
    NDArray h = gates(x, prev.h()).singletonOrThrow().tanh(); // (B, H)
    return new CellState(h, null);
  }

  @Override
  public CellType type() {
    return CellType.ELMAN;
  }
}
