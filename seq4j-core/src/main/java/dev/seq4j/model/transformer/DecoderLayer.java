package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;

/**
 * One decoder layer (Vaswani et al. 2017, section 3.1): masked self-attention, encoder–decoder
 * attention over the encoder output ("memory"), then the feed-forward network, each inside a {@link
 * Residual} connection with its LayerNorm. {@link #apply} runs it over whole prefixes (training,
 * exact decoding); {@link #step} over one new position against its {@link Cache} (the same
 * numbers).
 */
public final class DecoderLayer {
  private final MultiHeadAttention selfAttention;
  private final MultiHeadAttention crossAttention;
  private final FeedForward feedForward;
  private final LayerNorm norm1;
  private final LayerNorm norm2;
  private final LayerNorm norm3;
  private final Residual residual;

  DecoderLayer(Parameters params, String name, TransformerConfig o) {
    Sublayers make = new Sublayers(params, name, o);
    this.selfAttention = make.attention("self_attention");
    this.crossAttention = make.attention("cross_attention");
    this.feedForward = make.feedForward();
    this.norm1 = make.norm(1);
    this.norm2 = make.norm(2);
    this.norm3 = make.norm(3);
    this.residual = new Residual(o.norm() == TransformerConfig.Norm.PRE, o.dropout());
  }

  /** Projects the encoder output (B, S, d) to this layer's encoder–decoder keys and values. */
  public MultiHeadAttention.KeyValues memory(NDArray encoded) {
    return crossAttention.project(encoded);
  }

  /**
   * The layer over whole prefixes {@code x} (B, T, d).
   *
   * @param causal additive bias (T, T) hiding later positions
   * @param memory this layer's {@link #memory} keys and values
   * @param padding additive source-padding bias (B, 1, 1, S)
   */
  public Output apply(
      NDArray x,
      NDArray causal,
      MultiHeadAttention.KeyValues memory,
      NDArray padding,
      boolean training) {
    NDArray h = residual.input(x, norm1);
    MultiHeadAttention.Result self =
        selfAttention.attend(h, selfAttention.project(h), causal, training);
    return crossAndFeedForward(
        residual.add(x, self.output(), norm1, training), self.weights(), memory, padding, training);
  }

  /**
   * The encoder–decoder attention and the feed-forward network after the self-attention (whose
   * weights {@code selfWeights} the output carries along).
   */
  private Output crossAndFeedForward(
      NDArray x,
      NDArray selfWeights,
      MultiHeadAttention.KeyValues memory,
      NDArray padding,
      boolean training) {
    MultiHeadAttention.Result cross =
        crossAttention.attend(residual.input(x, norm2), memory, padding, training);
    x = residual.add(x, cross.output(), norm2, training);
    x = residual.add(x, feedForward.apply(residual.input(x, norm3), training), norm3, training);
    return new Output(x, selfWeights, cross.weights());
  }

  /**
   * The layer's output (B, T, d), the self-attention weights (B, h, T, T; one step: B, h, 1,
   * positions so far) and the encoder–decoder weights (B, h, T, S).
   */
  public record Output(NDArray x, NDArray selfWeights, NDArray crossWeights) {}

  /**
   * This layer's cache before the first step of decoding {@code encoded} (B, S, d), owned by its
   * manager: the encoder–decoder keys and values and the self-attention's query, key and value maps
   * as one product ({@link MultiHeadAttention#inProjection}), made once per decoding call.
   */
  Cache startDecoding(NDArray encoded) {
    return new Cache(
        selfAttention.inProjection(encoded.getManager()),
        crossAttention.project(encoded),
        KeyValueCache.forSource(encoded.getShape().get(1)));
  }

  /**
   * The layer over one new position {@code x} (B, 1, d) (no dropout): its query, key and value in
   * one product, its key and value appended to the cache, then attention over every position so
   * far; the same numbers as {@link #apply} over the whole prefix.
   *
   * @param padding additive source-padding bias (B, 1, 1, S)
   */
  StepOutput step(NDArray x, Cache cache, NDArray padding) {
    NDArray h = residual.input(x, norm1);
    MultiHeadAttention.QueryKeyValues qkv = selfAttention.projectAll(h, cache.inProjection());
    KeyValueCache self = cache.self().append(qkv.keyValues()); // in place
    MultiHeadAttention.Result a =
        selfAttention.attendQueries(qkv.queries(), self.keyValues(), null, false);
    Output out =
        crossAndFeedForward(
            residual.add(x, a.output(), norm1, false), a.weights(), cache.cross(), padding, false);
    return new StepOutput(out, new Cache(cache.inProjection(), cache.cross(), self));
  }

  /** A step's output and the cache for the next step. */
  record StepOutput(Output output, Cache next) {}

  /**
   * What cached decoding keeps for one layer: the self-attention's fused query/key/value map and
   * the encoder–decoder keys and values, both made once per decoding call, and the self-attention
   * keys and values of the positions so far, in a buffer each step writes into ({@link
   * KeyValueCache}).
   */
  record Cache(Linear inProjection, MultiHeadAttention.KeyValues cross, KeyValueCache self) {

    /** Rows {@code rows} of the batch ({@link DecoderState#select}). */
    Cache select(NDArray rows) {
      MultiHeadAttention.KeyValues picked =
          new MultiHeadAttention.KeyValues(
              DecoderState.rows(cross.keys(), rows), DecoderState.rows(cross.values(), rows));
      return new Cache(inProjection, picked, self.select(rows));
    }

    /** Rows of the same sentences: the encoder–decoder keys and values are kept. */
    Cache reorder(NDArray rows) {
      return new Cache(inProjection, cross, self.select(rows));
    }

    void attach(NDManager manager) {
      inProjection.attach(manager);
      cross.keys().attach(manager);
      cross.values().attach(manager);
      self.attach(manager);
    }
  }
}
