package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.Embedding;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.TeacherForcing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Transformer encoder–decoder (Vaswani et al. 2017), laid out like {@code torch.nn.Transformer}
 * (each stack ends with a LayerNorm):
 *
 * <pre>
 * x_0 = Dropout(E_src[x] · √d + PE)                     (B, S, d)
 * m   = LN(EncoderLayer_N(… EncoderLayer_1(x_0)))       the memory
 * y_0 = Dropout(E_trg[y] · √d + PE)                     (B, T, d)
 * o   = LN(DecoderLayer_N(… DecoderLayer_1(y_0, m)))    self-attention masked causally
 * p(y_t | y_&lt;t, x) = softmax(o_t W_out)               W_out = E_trgᵀ when tied
 * </pre>
 *
 * The decoder's self-attention needs no target-padding mask: padding sits at the end of each row,
 * so the causal mask already hides it from every real position, and padded positions are left out
 * of the loss. Step-by-step decoding caches each layer's self-attention keys and values and the
 * encoder–decoder keys and values, and projects a step's query, key and value in one product
 * ({@link StepOptions#cache()}, chosen per {@link #encode} call); without the cache every step
 * re-runs the decoder over the whole prefix, with the separate projections (the same numbers,
 * tested).
 */
public final class TransformerSeq2Seq implements Seq2SeqModel {
  private static final float MASKED = -1e9f;
  private final TransformerConfig options;
  private final Parameters params;
  private final Embedding srcEmbedding;
  private final Embedding trgEmbedding;
  private final SinusoidalPositionalEncoding positions;
  private final List<EncoderLayer> encoder = new ArrayList<>();
  private final List<DecoderLayer> decoder = new ArrayList<>();
  private final LayerNorm encoderNorm;
  private final LayerNorm decoderNorm;
  private final Linear output;
  private final double scale;

  /**
   * Creates the model {@code o} describes, for vocabularies of the given sizes, with fresh
   * parameters owned by a sub-manager of {@code manager}.
   */
  public TransformerSeq2Seq(
      NDManager manager, TransformerConfig o, int srcVocabulary, int trgVocabulary) {
    checkVocabularies(o.tie(), srcVocabulary, trgVocabulary);
    this.options = o;
    this.params = new Parameters(manager);
    int d = o.dModel();
    double std = 1 / Math.sqrt(d);
    if (o.tie() == TransformerConfig.Tie.ALL) {
      this.srcEmbedding = new Embedding(params, "embedding", trgVocabulary, d, std);
      this.trgEmbedding = srcEmbedding;
    } else {
      this.srcEmbedding = new Embedding(params, "src_embedding", srcVocabulary, d, std);
      this.trgEmbedding = new Embedding(params, "trg_embedding", trgVocabulary, d, std);
    }
    for (int l = 0; l < o.encoderLayers(); l++) {
      encoder.add(new EncoderLayer(params, "encoder." + l, o));
    }
    this.encoderNorm = new LayerNorm(params, "encoder.norm", d);
    for (int l = 0; l < o.decoderLayers(); l++) {
      decoder.add(new DecoderLayer(params, "decoder." + l, o));
    }
    this.decoderNorm = new LayerNorm(params, "decoder.norm", d);
    this.output =
        o.tie() == TransformerConfig.Tie.NONE
            ? new Linear(params, "output", d, trgVocabulary, true)
            : null;
    this.positions = new SinusoidalPositionalEncoding(params.manager(), o.maxPositions(), d);
    this.scale = Math.sqrt(d);
  }

  private static void checkVocabularies(TransformerConfig.Tie tie, int src, int trg) {
    if (src < 1 || trg < 1) {
      throw new IllegalArgumentException(
          "vocabulary sizes must be >= 1, were " + src + " and " + trg);
    }
    if (tie == TransformerConfig.Tie.ALL && src != trg) {
      throw new IllegalArgumentException(
          "tie all needs one vocabulary for both sides, sizes were " + src + " and " + trg);
    }
  }

  /** The configuration the model was built from. */
  public TransformerConfig options() {
    return options;
  }

  @Override
  public Parameters parameters() {
    return params;
  }

  /** Accepts a decoder layer in [-1, N) and a head in [-1, h) (-1: last layer, mean of heads). */
  @Override
  public void check(StepOptions o) {
    if (o.attentionLayer() >= decoder.size()) {
      throw new IllegalArgumentException(
          "attention layer must be in [-1, "
              + (decoder.size() - 1)
              + "], was "
              + o.attentionLayer());
    }
    if (o.attentionHead() >= options.heads()) {
      throw new IllegalArgumentException(
          "attention head must be in [-1, "
              + (options.heads() - 1)
              + "], was "
              + o.attentionHead());
    }
  }

  @Override
  public NDArray logits(
      NDArray src, int[] srcLengths, NDArray trgIn, TeacherForcing forcing, boolean training) {
    if (!forcing.always()) {
      throw new IllegalArgumentException(
          "a transformer trains with teacher forcing 1 only, was " + forcing.ratio());
    }
    NDArray padding = paddingBias(src.getManager(), srcLengths, (int) src.getShape().get(1));
    NDArray memory = encodeMemory(src, padding, training, new ArrayList<>());
    return project(decoderNorm.apply(decodeAll(trgIn, memory, padding, training).y())); // (B,T,V)
  }

  /**
   * The encoder: source ids (B, S) with their padding bias → memory (B, S, d); each layer's
   * self-attention weights (B, h, S, S) are added to {@code weights}.
   */
  private NDArray encodeMemory(
      NDArray src, NDArray padding, boolean training, List<NDArray> weights) {
    NDArray x = embed(srcEmbedding, src, 0, training); // (B, S, d)
    for (EncoderLayer layer : encoder) {
      EncoderLayer.Output out = layer.apply(x, padding, training);
      weights.add(out.selfWeights());
      x = out.x();
    }
    return encoderNorm.apply(x);
  }

  /**
   * Every attention weight of one inference pass over source ids {@code src} (B, S) and decoder
   * inputs {@code trgIn} (B, T), all positions at once: the weights that step-by-step decoding
   * feeding the same tokens computes one row at a time. For each hypothesis, {@code trgIn} is
   * {@code <bos>} followed by its output tokens; row t of the decoder's maps is the step that read
   * token t.
   */
  public AttentionMaps attentionMaps(NDArray src, int[] srcLengths, NDArray trgIn) {
    NDArray padding = paddingBias(src.getManager(), srcLengths, (int) src.getShape().get(1));
    List<NDArray> encoderSelf = new ArrayList<>();
    NDArray memory = encodeMemory(src, padding, false, encoderSelf);
    List<DecoderLayer.Output> layers = decodeAll(trgIn, memory, padding, false).layers();
    return new AttentionMaps(
        encoderSelf,
        layers.stream().map(DecoderLayer.Output::selfWeights).toList(),
        layers.stream().map(DecoderLayer.Output::crossWeights).toList());
  }

  /**
   * The decoder over whole target prefixes {@code trgIn} (B, T): the last layer's output (B, T, d),
   * before the final LayerNorm, and every layer's output.
   */
  private Decoded decodeAll(NDArray trgIn, NDArray memory, NDArray padding, boolean training) {
    int steps = (int) trgIn.getShape().get(1);
    NDArray causal = causalBias(trgIn.getManager(), steps); // (T, T)
    NDArray y = embed(trgEmbedding, trgIn, 0, training); // (B, T, d)
    List<DecoderLayer.Output> outputs = new ArrayList<>();
    for (DecoderLayer layer : decoder) {
      DecoderLayer.Output out = layer.apply(y, causal, layer.memory(memory), padding, training);
      outputs.add(out);
      y = out.x();
    }
    return new Decoded(y, outputs);
  }

  private record Decoded(NDArray y, List<DecoderLayer.Output> layers) {}

  @Override
  public DecoderState encode(NDArray src, int[] srcLengths, StepOptions o) {
    check(o);
    NDArray padding = paddingBias(src.getManager(), srcLengths, (int) src.getShape().get(1));
    NDArray memory = encodeMemory(src, padding, false, new ArrayList<>());
    Source source = new Source(memory, padding, o);
    if (!o.cache()) {
      return new ExactState(source, null);
    }
    List<DecoderLayer.Cache> layers = new ArrayList<>();
    for (DecoderLayer layer : decoder) {
      layers.add(layer.startDecoding(memory)); // once per decoding call
    }
    return new CachedState(source, layers, 0);
  }

  @Override
  public Step step(NDArray previous, DecoderState state) {
    NDArray tokens = previous.expandDims(1); // (B, 1)
    return state instanceof CachedState c
        ? cachedStep(tokens, c)
        : exactStep(tokens, (ExactState) state);
  }

  /** Embeds one new position and runs each layer against its cache. */
  private Step cachedStep(NDArray tokens, CachedState state) {
    NDArray y = embed(trgEmbedding, tokens, state.position(), false); // (B, 1, d)
    List<DecoderLayer.Cache> layers = new ArrayList<>();
    List<NDArray> weights = new ArrayList<>();
    NDArray padding = state.source().padding();
    for (int l = 0; l < decoder.size(); l++) {
      DecoderLayer.StepOutput out = decoder.get(l).step(y, state.layers().get(l), padding);
      layers.add(out.next());
      weights.add(out.output().crossWeights());
      y = out.output().x();
    }
    NDArray logits = project(decoderNorm.apply(y)).squeeze(1); // (B, V)
    CachedState next = new CachedState(state.source(), layers, state.position() + 1);
    return new Step(logits, next, view(weights, state.source().options()));
  }

  /** Appends the new tokens to the prefix and re-runs the whole decoder over it. */
  private Step exactStep(NDArray tokens, ExactState state) {
    NDArray prefix =
        state.prefix() == null ? tokens : NDArrays.concat(new NDList(state.prefix(), tokens), 1);
    Source source = state.source();
    Decoded d = decodeAll(prefix, source.memory(), source.padding(), false);
    int last = (int) prefix.getShape().get(1) - 1;
    // only the newest position is projected onto the vocabulary (the LayerNorm is per position)
    NDArray logits = project(decoderNorm.apply(d.y().get(new NDIndex(":, {}", last)))); // (B, V)
    List<NDArray> weights = new ArrayList<>();
    for (DecoderLayer.Output out : d.layers()) {
      weights.add(out.crossWeights().get(new NDIndex(":, :, {}:{}", last, last + 1)));
    }
    return new Step(logits, new ExactState(source, prefix), view(weights, source.options()));
  }

  /** The chosen layer's encoder–decoder weights (B, h, 1, S) → (B, S). */
  private static NDArray view(List<NDArray> weights, StepOptions o) {
    int layer = o.attentionLayer() < 0 ? weights.size() - 1 : o.attentionLayer();
    NDArray w = weights.get(layer).squeeze(2); // (B, h, S)
    return o.attentionHead() < 0
        ? w.mean(new int[] {1})
        : w.get(new NDIndex(":, {}", o.attentionHead())); // (B, S)
  }

  /** {@code Dropout(E[ids] · √d + PE[offset …])}: (B, T) → (B, T, d). */
  private NDArray embed(Embedding table, NDArray ids, int offset, boolean training) {
    int length = (int) ids.getShape().get(1);
    NDArray pe = positions.positions(ids.getManager(), offset, length); // (T, d)
    return Dropout.apply(table.lookup(ids).mul(scale).add(pe), options.dropout(), training);
  }

  private NDArray project(NDArray o) {
    return output == null ? trgEmbedding.project(o) : output.apply(o);
  }

  /** Additive bias (B, 1, 1, S): 0 at real source positions, -10⁹ at padding. */
  static NDArray paddingBias(NDManager manager, int[] lengths, int width) {
    float[] bias = new float[lengths.length * width];
    for (int b = 0; b < lengths.length; b++) {
      Arrays.fill(bias, b * width + lengths[b], (b + 1) * width, MASKED);
    }
    return manager.create(bias, new Shape(lengths.length, 1, 1, width));
  }

  /** Additive bias (T, T): position i may attend to positions j ≤ i only. */
  static NDArray causalBias(NDManager manager, int steps) {
    float[] bias = new float[steps * steps];
    for (int i = 0; i < steps; i++) {
      Arrays.fill(bias, i * steps + i + 1, (i + 1) * steps, MASKED);
    }
    return manager.create(bias, new Shape(steps, steps));
  }

  /**
   * What the steps of one decoding call read and never change: the memory (B, S, d), its padding
   * bias (B, 1, 1, S) and the call's options.
   */
  record Source(NDArray memory, NDArray padding, StepOptions options) {
    Source select(NDArray rows) {
      return new Source(DecoderState.rows(memory, rows), DecoderState.rows(padding, rows), options);
    }

    void attach(NDManager manager) {
      memory.attach(manager);
      padding.attach(manager);
    }
  }

  /**
   * Cached decoding: per decoder layer its {@link DecoderLayer.Cache} (what one decoding call makes
   * once, and the self-attention keys and values of the {@code position} positions so far).
   */
  record CachedState(Source source, List<DecoderLayer.Cache> layers, int position)
      implements DecoderState {

    @Override
    public CachedState select(NDArray rows) {
      List<DecoderLayer.Cache> selected = layers.stream().map(c -> c.select(rows)).toList();
      return new CachedState(source.select(rows), selected, position);
    }

    @Override
    public CachedState reorder(NDArray rows) {
      return new CachedState(source, layers.stream().map(c -> c.reorder(rows)).toList(), position);
    }

    @Override
    public void attach(NDManager manager) {
      source.attach(manager);
      layers.forEach(c -> c.attach(manager));
    }
  }

  /**
   * Exact decoding: the ids fed so far (B, t), re-run through the whole decoder at every step; null
   * before the first step ({@link DecoderState#rows} passes null through).
   */
  record ExactState(Source source, NDArray prefix) implements DecoderState {

    @Override
    public ExactState select(NDArray rows) {
      return new ExactState(source.select(rows), DecoderState.rows(prefix, rows));
    }

    @Override
    public ExactState reorder(NDArray rows) {
      return new ExactState(source, DecoderState.rows(prefix, rows));
    }

    @Override
    public void attach(NDManager manager) {
      source.attach(manager);
      if (prefix != null) {
        prefix.attach(manager);
      }
    }
  }
}
