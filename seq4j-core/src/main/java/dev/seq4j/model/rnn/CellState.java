package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

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
}
