package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;

/**
 * Luong's concat score, computed on the concatenation as the formula reads:
 *
 * <pre>
 * score(s, h) = v · tanh(W_a [s; h])      W_a: (Hq + Hk, A), v: (A)
 * </pre>
 */
public final class ConcatScore implements AttentionScore {
  private final NDArray wA;
  private final NDArray v;

  /** Registers {@code NAME.W_a} and {@code NAME.v}. */
  public ConcatScore(Parameters params, String name, int queryDim, int keyDim, int attentionDim) {
    double bound = 1.0 / Math.sqrt(queryDim + keyDim);
    this.wA = params.uniform(name + ".W_a", new Shape(queryDim + keyDim, attentionDim), bound);
    this.v = params.uniform(name + ".v", new Shape(attentionDim), 1.0 / Math.sqrt(attentionDim));
  }

  @Override
  public NDArray score(NDArray queries, NDArray keys) {
    Shape q = queries.getShape();
    Shape k = keys.getShape();
    long b = q.get(0);
    long t = q.get(1);
    long s = k.get(1);
    NDArray qs = queries.expandDims(2).broadcast(b, t, s, q.get(2)); // (B, T, S, Hq)
    NDArray ks = keys.expandDims(1).broadcast(b, t, s, k.get(2)); // (B, T, S, Hk)
    NDArray both = NDArrays.concat(new NDList(qs, ks), 3); // (B, T, S, Hq + Hk)
    return both.matMul(wA).tanh().matMul(v); // (B, T, S)
  }
}
