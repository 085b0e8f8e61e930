package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.RNN;
import java.util.ArrayList;
import java.util.List;

/**
 * One recurrent layer in one direction, run over a padded batch of sequences.
 *
 * <p>Padding sits at the end of each row. A row's state stops changing after its last real token,
 * so the final state is the state at the true length, and outputs at padded positions are zero. Two
 * paths give the same numbers (tested to 1e-5): {@link Mode#EXPLICIT} steps the cell's formula in
 * Java; {@link Mode#FUSED} runs libtorch's fused kernel over the steps every row has, and steps the
 * fused kernel one position at a time, masked, over the ragged tail.
 */
public final class RnnLayer {
  /** How the layer is computed. */
  public enum Mode {
    EXPLICIT,
    FUSED
  }

  private final RnnCell cell;

  /** Wraps {@code cell}; the layer owns no parameters of its own. */
  public RnnLayer(RnnCell cell) {
    this.cell = cell;
  }

  /** The cell. */
  public RnnCell cell() {
    return cell;
  }

  /** A zero state for a batch of {@code batch} rows. */
  public CellState zeroState(NDManager manager, long batch) {
    NDArray h = manager.zeros(new Shape(batch, cell.hidden()), DataType.FLOAT32);
    NDArray c = cell.type().hasCell() ? h.zerosLike() : null;
    return new CellState(h, c);
  }

  /**
   * Runs the layer over {@code x}.
   *
   * @param x inputs (B, T, in)
   * @param initial state at t = 0, each (B, H)
   * @param lengths true length of each row, or null when every row has length T
   * @return outputs (B, T, H) and the state after each row's last real token
   */
  public LayerOutput run(NDArray x, CellState initial, int[] lengths, Mode mode) {
    long steps = x.getShape().get(1);
    int full = lengths == null ? (int) steps : Math.min((int) steps, min(lengths));
    if (mode == Mode.FUSED && steps == 1 && lengths == null) {
      // one step (decoding): the cell's formulas beat the fused kernel's per-call set-up (oneDNN
      // builds an RNN primitive for every call), with the same numbers (tested)
      CellState next = cell.step(x.squeeze(1), initial);
      return new LayerOutput(next.h().expandDims(1), next);
    }
    if (mode == Mode.FUSED && full > 0) {
      NDArray head = full == steps ? x : x.get(new NDIndex(":, :{}", full));
      LayerOutput fused = fused(head, initial);
      return steps(x, fused.last(), lengths, full, mode, null, fused.outputs());
    }
    return steps(x, initial, lengths, 0, mode, null, null);
  }

  /**
   * Runs the layer over {@code x} by the cell's formula, step by step, carrying on with {@code
   * probe.apply(t, h_t)} in place of each h_t (see {@link StateProbe}).
   */
  public LayerOutput run(NDArray x, CellState initial, int[] lengths, StateProbe probe) {
    return steps(x, initial, lengths, 0, Mode.EXPLICIT, probe, null);
  }

  /**
   * Positions {@code from}…T−1 one at a time after {@code head} (outputs of the positions before,
   * or null), masked past each row's length; {@code probe} (or null) taps each new h.
   */
  private LayerOutput steps(
      NDArray x,
      CellState initial,
      int[] lengths,
      int from,
      Mode mode,
      StateProbe probe,
      NDArray head) {
    long steps = x.getShape().get(1);
    List<NDArray> outputs = new ArrayList<>();
    if (head != null) {
      outputs.add(head);
    }
    CellState state = initial;
    NDArray lengthArray = lengths == null ? null : x.getManager().create(lengths).expandDims(1);
    for (int t = from; t < steps; t++) {
      NDArray xt = x.get(new NDIndex(":, {}", t)); // (B, in)
      CellState next =
          mode == Mode.FUSED ? fused(xt.expandDims(1), state).last() : cell.step(xt, state);
      if (probe != null) {
        next = new CellState(probe.apply(t, next.h()), next.c());
      }
      if (lengthArray != null) {
        NDArray keep = lengthArray.gt(t); // (B, 1)
        state = state.where(keep, next);
        NDArray mask = keep.broadcast(next.h().getShape()); // (B, H)
        outputs.add(NDArrays.where(mask, next.h(), next.h().zerosLike()).expandDims(1));
      } else {
        state = next;
        outputs.add(next.h().expandDims(1));
      }
    }
    NDArray out = outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(new NDList(outputs), 1);
    return new LayerOutput(out, state);
  }

  /** libtorch's fused kernel over all of {@code x} (B, T', in), batch-first. */
  private LayerOutput fused(NDArray x, CellState state) {
    NDList weights = cell.fusedWeights();
    NDArray h0 = state.h().expandDims(0); // (1, B, H)
    NDList result =
        switch (cell.type()) {
          case LSTM ->
              x.getNDArrayInternal()
                  .lstm(
                      x,
                      new NDList(h0, state.c().expandDims(0)),
                      weights,
                      true,
                      1,
                      0,
                      false,
                      false,
                      true);
          case GRU -> x.getNDArrayInternal().gru(x, h0, weights, true, 1, 0, false, false, true);
          case ELMAN ->
              x.getNDArrayInternal()
                  .rnn(x, h0, weights, true, 1, RNN.Activation.TANH, 0, false, false, true);
        };
    NDArray h = result.get(1).squeeze(0);
    NDArray c = cell.type().hasCell() ? result.get(2).squeeze(0) : null;
    return new LayerOutput(result.get(0), new CellState(h, c));
  }

  private static int min(int[] values) {
    int m = Integer.MAX_VALUE;
    for (int v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Outputs (B, T, H) and the final state. */
  public record LayerOutput(NDArray outputs, CellState last) {}
}
