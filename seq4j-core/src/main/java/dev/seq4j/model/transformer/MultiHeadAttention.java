package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017, sections 3.2.1 and 3.2.2):
 *
 * <pre>
 * Attention(Q, K, V) = softmax(Q Kᵀ / √d_k + mask) V
 * head_i             = Attention(Q W_i^Q, K W_i^K, V W_i^V)
 * MultiHead(Q, K, V) = Concat(head_1, …, head_h) W^O
 * </pre>
 *
 * The h query projections are one (d, d) matrix, the key and value projections one (d, 2d) matrix;
 * initialised like {@code torch.nn.MultiheadAttention} inside {@code torch.nn.Transformer} (Xavier
 * over the (3d, d) input projection, zero biases). Keys and values are projected by {@link
 * #project} so that a decoder can cache them ({@link KeyValueCache}). For self-attention in
 * decoding, {@link #inProjection} joins the query and key/value maps into one (d, 3d) product
 * ({@link #projectAll}, then {@link #attendQueries}): the same numbers, one product instead of two.
 */
public final class MultiHeadAttention {
  private final Linear query;
  private final Linear keyValue;
  private final Linear output;
  private final int heads;
  private final int dk;
  private final double dropout;

  /** Registers {@code NAME.query}, {@code NAME.key_value} and {@code NAME.output}. */
  public MultiHeadAttention(Parameters params, String name, int d, int heads, double dropout) {
    if (d % heads != 0) {
      throw new IllegalArgumentException("heads must divide d (" + d + "), was " + heads);
    }
    double inBound = Math.sqrt(6.0 / (4.0 * d)); // Xavier over PyTorch's (3d, d) in_proj
    this.query = Linear.uniform(params, name + ".query", d, d, inBound, 0);
    this.keyValue = Linear.uniform(params, name + ".key_value", d, 2 * d, inBound, 0);
    this.output = Linear.xavier(params, name + ".output", d, d, 0);
    this.heads = heads;
    this.dk = d / heads;
    this.dropout = dropout;
  }

  /** Keys and values split into heads, (B, h, S, d_k) each. */
  public record KeyValues(NDArray keys, NDArray values) {

    /** Number of positions S. */
    public long length() {
      return keys.getShape().get(2);
    }
  }

  /** The attention's output (B, T, d) and its weights (B, h, T, S). */
  public record Result(NDArray output, NDArray weights) {}

  /** Queries split into heads and scaled by 1/√d_k, (B, h, T, d_k), with keys and values. */
  public record QueryKeyValues(NDArray queries, KeyValues keyValues) {}

  /**
   * The query and key/value maps as one map d → 3d, {@code x ↦ [Q | K | V]}, for {@link
   * #projectAll}: a copy of the weights owned by {@code manager} ({@link Linear#concat}), made once
   * per decoding call.
   */
  public Linear inProjection(NDManager manager) {
    return Linear.concat(manager, query, keyValue);
  }

  /**
   * Queries, keys and values of {@code x} (B, T, d) from one product with {@code inProjection}
   * ({@link #inProjection}); keys and values are views of it, for a cache to copy.
   */
  public QueryKeyValues projectAll(NDArray x, Linear inProjection) {
    NDList qkv = inProjection.apply(x).split(3, 2); // 3 × (B, T, d)
    return new QueryKeyValues(
        scaled(splitHeads(qkv.get(0))),
        new KeyValues(splitHeads(qkv.get(1)), splitHeads(qkv.get(2))));
  }

  /** Projects {@code x} (B, S, d) to keys and values (B, h, S, d_k) each. */
  public KeyValues project(NDArray x) {
    NDList kv = keyValue.apply(x).split(2, 2); // 2 × (B, S, d)
    return new KeyValues(packed(splitHeads(kv.get(0))), packed(splitHeads(kv.get(1))));
  }

  /**
   * {@code x} (B, h, S, d_k) laid out contiguously. The heads of {@link #splitHeads} are a strided
   * view that the batched matrix product would copy at every use; copied once here, keys and values
   * cached for a whole sentence (the encoder–decoder memory) are read in place at every step.
   */
  private static NDArray packed(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0) * s.get(1), s.get(2), s.get(3)).reshape(s);
  }

  /**
   * Attends from {@code x} (B, T, d) over {@code kv}.
   *
   * @param bias additive mask broadcastable to (B, h, T, S): 0 where allowed, -10⁹ where not; or
   *     null for no mask
   * @param training applies dropout to the attention weights
   */
  public Result attend(NDArray x, KeyValues kv, NDArray bias, boolean training) {
    return attendQueries(scaled(splitHeads(query.apply(x))), kv, bias, training);
  }

  /**
   * Like {@link #attend} from queries {@code q} already projected, split into heads and scaled: (B,
   * h, T, d_k), as {@link #projectAll} gives them.
   */
  public Result attendQueries(NDArray q, KeyValues kv, NDArray bias, boolean training) {
    Shape shape = q.getShape();
    NDArray scores = q.matMul(kv.keys().transpose(0, 1, 3, 2)); // (B, h, T, S)
    if (bias != null) {
      scores = scores.add(bias);
    }
    NDArray weights = scores.softmax(3); // (B, h, T, S)
    NDArray context = Dropout.apply(weights, dropout, training).matMul(kv.values()); // (B,h,T,d_k)
    NDArray merged =
        context.transpose(0, 2, 1, 3).reshape(shape.get(0), shape.get(2), heads * dk); // (B, T, d)
    return new Result(output.apply(merged), weights);
  }

  /** Queries (B, h, T, d_k) divided by √d_k. */
  private NDArray scaled(NDArray q) {
    return q.mul(1.0 / Math.sqrt(dk));
  }

  /** (B, T, d) → (B, h, T, d_k). */
  private NDArray splitHeads(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), heads, dk).transpose(0, 2, 1, 3);
  }
}
