package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import dev.seq4j.model.DecoderState;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one recurrent layer: {@code h} (B, H) and, for an LSTM, the memory cell {@code c}
 * (B, H); {@code c} is null for Elman and GRU cells.
 */
public record CellState(NDArray h, NDArray c) {

  /** Keeps {@code next} where {@code keep} (B, 1) is true and this state elsewhere. */
  public CellState where(NDArray keep, CellState next) {
    NDArray mask = keep.broadcast(h.getShape()); // (B, H)
    NDArray newH = NDArrays.where(mask, next.h, h);
    NDArray newC = c == null ? null : NDArrays.where(mask, next.c, c);
    return new CellState(newH, newC);
  }

  /** The rows {@code rows} (N) of each layer's state, owned by the manager of {@code rows}. */
  static List<CellState> rows(List<CellState> layers, NDArray rows) {
    List<CellState> picked = new ArrayList<>(layers.size());
    for (CellState s : layers) {
      picked.add(new CellState(DecoderState.rows(s.h, rows), DecoderState.rows(s.c, rows)));
    }
    return picked;
  }

  /** Moves each layer's state to {@code manager}. */
  static void attach(List<CellState> layers, NDManager manager) {
    for (CellState s : layers) {
      s.h.attach(manager);
      if (s.c != null) {
        s.c.attach(manager);
      }
    }
  }
}
