package dev.seq4j.model.rnn;

/**
 * The recurrent cells, named in YAML as {@code lstm}, {@code gru}, {@code elman}; {@link #gates()}
 * is the number of H-sized blocks in the weight matrices.
 */
public enum CellType {
  /** Gates i, f, g, o; c = f*c_prev + i*g; h = o*tanh(c). */
  LSTM(4),
  /** Gates r, z, n (PyTorch's formulation). */
  GRU(3),
  /** h = tanh(W_x x + W_h h_prev + b). */
  ELMAN(1);

  private final int gates;

  CellType(int gates) {
    this.gates = gates;
  }

  /** Number of stacked gate blocks in W_ih and W_hh. */
  public int gates() {
    return gates;
  }

  /**
   * The gate block that decides how much of the previous state is kept: the LSTM's forget gate f
   * (block 1 of i, f, g, o), the GRU's update gate z (block 1 of r, z, n); -1 for the Elman cell,
   * which has no gate.
   */
  public int keepGate() {
    return this == ELMAN ? -1 : 1;
  }

  /** Whether the state has a memory cell c besides h. */
  public boolean hasCell() {
    return this == LSTM;
  }
}
