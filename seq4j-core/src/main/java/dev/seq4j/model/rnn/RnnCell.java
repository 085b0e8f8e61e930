package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;
import java.util.Locale;

/**
 * One recurrent cell with PyTorch's parameter layout, so the same arrays drive the explicit step
 * and libtorch's fused kernel:
 *
 * <pre>
 * W_ih: (G·H, in)   W_hh: (G·H, H)   b_ih, b_hh: (G·H)      G = gates of the cell type
 * </pre>
 *
 * Initialised like PyTorch: uniform in ±1/√H. Subclasses write their formula in {@link #step}.
 */
public abstract class RnnCell {
  protected final NDArray wIh;
  protected final NDArray wHh;
  protected final NDArray bIh;
  protected final NDArray bHh;
  private final int hidden;

  protected RnnCell(Parameters params, String name, CellType type, int input, int hidden) {
    double bound = 1.0 / Math.sqrt(hidden);
    int rows = type.gates() * hidden;
    this.wIh = params.uniform(name + ".weight_ih", new Shape(rows, input), bound);
    this.wHh = params.uniform(name + ".weight_hh", new Shape(rows, hidden), bound);
    this.bIh = params.uniform(name + ".bias_ih", new Shape(rows), bound);
    this.bHh = params.uniform(name + ".bias_hh", new Shape(rows), bound);
    this.hidden = hidden;
  }

  /** Creates the cell of {@code type}. */
  public static RnnCell create(
      CellType type, Parameters params, String name, int input, int hidden) {
    return switch (type) {
      case ELMAN -> new ElmanCell(params, name, input, hidden);
      case LSTM -> new LstmCell(params, name, input, hidden);
      case GRU -> new GruCell(params, name, input, hidden);
    };
  }

  /**
   * Sets the bias of the gate that keeps the previous state ({@link CellType#keepGate}: the LSTM's
   * forget gate, the GRU's update gate) to {@code value}: that block of b_ih becomes {@code value}
   * and that of b_hh 0, so the gate starts at σ(value) on average instead of σ(0) = 0.5. A forget
   * bias of 1 is the usual remedy for an LSTM that forgets too early (Gers et al. 2000; Jozefowicz
   * et al. 2015).
   *
   * @throws IllegalArgumentException for the Elman cell, which has no gate
   */
  public void setKeepGateBias(double value) {
    int gate = type().keepGate();
    if (gate < 0) {
      throw new IllegalArgumentException(
          "a keep-gate (forget) bias needs an lstm or gru cell; the "
              + type().name().toLowerCase(Locale.ROOT)
              + " cell has no gate");
    }
    NDIndex block = new NDIndex("{}:{}", gate * hidden, (gate + 1) * hidden);
    bIh.set(block, (float) value);
    bHh.set(block, 0f);
  }

  /** One time step: {@code x} (B, in) and the previous state give the next state. */
  public abstract CellState step(NDArray x, CellState prev);

  /** The cell type. */
  public abstract CellType type();

  /** Hidden size H. */
  public int hidden() {
    return hidden;
  }

  /** The weights in libtorch's order for its fused kernels: W_ih, W_hh, b_ih, b_hh. */
  NDList fusedWeights() {
    return new NDList(wIh, wHh, bIh, bHh);
  }

  /** W_ih·x + b_ih, split into the G gate blocks: G × (B, H). */
  protected NDList inputGates(NDArray x) {
    return linear(x, wIh, bIh).split(type().gates(), 1);
  }

  /** W_hh·h + b_hh, split into the G gate blocks: G × (B, H). */
  protected NDList hiddenGates(NDArray h) {
    return linear(h, wHh, bHh).split(type().gates(), 1);
  }

  /** Sum of the input and hidden contributions to every gate. */
  protected NDList gates(NDArray x, NDArray h) {
    return linear(x, wIh, bIh).add(linear(h, wHh, bHh)).split(type().gates(), 1);
  }

  /** {@code x·Wᵀ + b} in one libtorch call ({@code addmm}); W is (out, in) as stored. */
  private static NDArray linear(NDArray x, NDArray w, NDArray b) {
    return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
  }

  static NDArray sigmoid(NDArray a) {
    return a.getNDArrayInternal().sigmoid();
  }
}
