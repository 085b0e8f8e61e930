package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Masks;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.Embedding;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.model.attention.Attention;
import dev.seq4j.model.attention.AttentionScore;
import dev.seq4j.model.attention.LocationTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recurrent encoder–decoder (Sutskever et al. 2014; Cho et al. 2014), with optional attention
 * (Luong et al. 2015; Bahdanau et al. 2015) chosen by {@link RnnConfig#attention()}. Without
 * attention the context vector is the encoder's final state, optionally also fed at every decoder
 * step; with it, each step reads a weighted sum of the encoder states.
 *
 * <pre>
 * h = Encoder(x)                       (reversed within its length when reverseSource)
 * s_0 = Bridge(h_final);  c = top layer of s_0
 * s_t = Decoder([E y_{t-1}; c?], s_{t-1})
 * p(y_t | y_&lt;t, x) = softmax(W_y s_t + b_y)        with attention: softmax(W_y s~_t + b_y),
 *                                               s~_t = tanh(W_c [ctx_t; s_t] + b_c)
 * </pre>
 */
public final class RnnSeq2Seq implements Seq2SeqModel {
  private final RnnConfig options;
  private final Parameters params;
  private final Embedding srcEmbedding;
  private final Embedding trgEmbedding;
  private final RnnEncoder encoder;
  private final Bridge bridge;
  private final RnnDecoder decoder;
  private final Linear output;
  private final Attention attention;
  private final Linear combine;
  private final LocationTerm location;
  private RnnLayer.Mode mode = RnnLayer.Mode.FUSED;

  /**
   * Creates the model {@code options} describe, for vocabularies of the given sizes, with fresh
   * parameters owned by a sub-manager of {@code manager}.
   */
  public RnnSeq2Seq(NDManager manager, RnnConfig options, int srcVocabulary, int trgVocabulary) {
    positive("srcVocabulary", srcVocabulary);
    positive("trgVocabulary", trgVocabulary);
    this.options = options;
    this.params = new Parameters(manager);
    CellType cell = options.cell();
    int e = options.embedding();
    int h = options.hidden();
    int layers = options.layers();
    boolean bi = options.bidirectional();
    double p = options.dropout();
    this.srcEmbedding = new Embedding(params, "src_embedding", srcVocabulary, e);
    this.trgEmbedding = new Embedding(params, "trg_embedding", trgVocabulary, e);
    this.encoder = new RnnEncoder(params, "encoder", new LayerStack(cell, e, h, layers, p), bi);
    this.bridge = new Bridge(params, "bridge", options.bridge(), bi, cell, h, layers);
    int keys = (bi ? 2 : 1) * h;
    boolean bahdanau = options.decoder() == RnnConfig.Decoder.BAHDANAU;
    boolean contextEveryStep = options.context() == RnnConfig.Context.EVERY_STEP;
    int decoderInput =
        e + (contextEveryStep ? h : 0) + (bahdanau ? keys : 0) + (options.inputFeeding() ? h : 0);
    this.decoder =
        new RnnDecoder(params, "decoder", new LayerStack(cell, decoderInput, h, layers, p));
    AttentionScore score = options.attention().create(params, "attention", h, keys);
    this.attention = score == null ? null : new Attention(score);
    this.combine = attention == null ? null : new Linear(params, "combine", keys + h, h, true);
    int width = options.locationWidth();
    this.location = width > 0 ? new LocationTerm(params, "attention", width) : null;
    this.output = new Linear(params, "output", h, trgVocabulary, options.outputBias());
    if (options.initRange() > 0) {
      params.reinitializeUniform(options.initRange());
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }

  /**
   * From top-layer decoder states {@code s} (B, T, H) to logits (B, T, V); with attention, through
   * the attentional hidden state {@code s~ = tanh(W_c [c; s] + b_c)}.
   */
  private NDArray readout(NDArray s, State state, boolean training) {
    if (state instanceof AttentionalState a) {
      return attentional(s, attend(s, a), training).logits();
    }
    return output.apply(dropout(s, training));
  }

  /** Attention from queries {@code q} (B, T, H); with the location term T must be 1. */
  private Attention.Result attend(NDArray q, AttentionalState state) {
    Memory m = state.memory();
    NDArray bias =
        m.banded().map(banded -> LocationTerm.apply(state.weights(), banded)).orElse(null);
    return attention.attend(q, m.keys(), m.mask(), bias); // bias (B, 1, S) or none
  }

  /** {@code s~ = tanh(W_c [c; s] + b_c)}, {@code logits = W_y s~ + b_y}. */
  private Readout attentional(NDArray s, Attention.Result r, boolean training) {
    NDArray sTilde = combine.apply(NDArrays.concat(new NDList(r.context(), s), 2)).tanh();
    return new Readout(output.apply(dropout(sTilde, training)), r.weights(), sTilde);
  }

  /** Logits (B, T, V), attention weights (B, T, S) and s~ (B, T, H); the last two may be null. */
  private record Readout(NDArray logits, NDArray weights, NDArray sTilde) {}

  /** One decoder step from embedded input {@code y} (B, 1, E), for either decoder variant. */
  private StepResult decodeStep(NDArray y, State state, boolean training) {
    if (state instanceof AttentionalState a) {
      return attentionalStep(y, a, training);
    }
    RnnDecoder.Decoded d = decoder.run(y, state.layers(), fed(state), training, mode);
    Readout r = new Readout(output.apply(dropout(d.outputs(), training)), null, null);
    return new StepResult(r, new PlainState(d.states(), state.context()));
  }

  /**
   * One attentional step. Bahdanau: attend from the previous top-layer state, feed the context with
   * the input, then read out from the new state and that context. Luong: step, then attend from the
   * new state; with input feeding the previous s~ is fed with the input.
   */
  private StepResult attentionalStep(NDArray y, AttentionalState state, boolean training) {
    NDList input = new NDList(y);
    Attention.Result early = null;
    if (options.decoder() == RnnConfig.Decoder.BAHDANAU) {
      NDArray query = state.layers().get(state.layers().size() - 1).h().expandDims(1); // (B, 1, H)
      early = attend(query, state);
      input.add(early.context()); // (B, 1, K)
    }
    if (options.inputFeeding()) {
      input.add(state.sTilde().expandDims(1)); // (B, 1, H)
    }
    NDArray x = input.size() == 1 ? y : NDArrays.concat(input, 2);
    RnnDecoder.Decoded d = decoder.run(x, state.layers(), fed(state), training, mode);
    Attention.Result r = early != null ? early : attend(d.outputs(), state);
    Readout out = attentional(d.outputs(), r, training);
    return new StepResult(
        out, state.next(d.states(), out.sTilde().squeeze(1), out.weights().squeeze(1)));
  }

  /** The context vector when it is fed at every step (Cho), else none. */
  private NDArray fed(State state) {
    return options.context() == RnnConfig.Context.EVERY_STEP ? state.context() : null;
  }

  private record StepResult(Readout readout, State state) {}

  /** The configuration the model was built from. */
  public RnnConfig options() {
    return options;
  }

  /** Chooses the explicit cell formulas or libtorch's fused kernels (same numbers). */
  public void setMode(RnnLayer.Mode mode) {
    this.mode = mode;
  }

  @Override
  public Parameters parameters() {
    return params;
  }

  @Override
  public NDArray logits(
      NDArray src, int[] srcLengths, NDArray trgIn, TeacherForcing forcing, boolean training) {
    return decodeAll(encode(src, srcLengths, training, null), trgIn, forcing, training);
  }

  /**
   * Teacher-forced logits (B, T, V) without dropout, {@code probe} on the forward direction of one
   * encoder layer (an IllegalArgumentException if there is no such layer): how {@code seq4j
   * gradients --trained} reads ∂L/∂h_t of a trained encoder.
   */
  public NDArray logits(NDArray src, int[] srcLengths, NDArray trgIn, StateProbe probe) {
    return decodeAll(encode(src, srcLengths, false, probe), trgIn, TeacherForcing.ALWAYS, false);
  }

  /** The decoder over all of {@code trgIn} (B, T) from the encoded {@code state}. */
  private NDArray decodeAll(State state, NDArray trgIn, TeacherForcing forcing, boolean training) {
    boolean stepwise =
        options.decoder() == RnnConfig.Decoder.BAHDANAU
            || options.inputFeeding()
            || location != null;
    if (forcing.always() && !stepwise) {
      NDArray y = dropout(trgEmbedding.lookup(trgIn), training); // (B, T, E)
      RnnDecoder.Decoded d = decoder.run(y, state.layers(), fed(state), training, mode);
      return readout(d.outputs(), state, training); // (B, T, V)
    }
    return logitsWithOwnPredictions(trgIn, state, forcing, training);
  }

  /** Step by step: each row reads the reference with probability {@code ratio}, else its argmax. */
  private NDArray logitsWithOwnPredictions(
      NDArray trgIn, State state, TeacherForcing forcing, boolean training) {
    int batch = (int) trgIn.getShape().get(0);
    int steps = (int) trgIn.getShape().get(1);
    List<NDArray> all = new ArrayList<>();
    NDArray previous = trgIn.get(new NDIndex(":, 0"));
    for (int t = 0; t < steps; t++) {
      if (t > 0 && forcing.always()) {
        previous = trgIn.get(new NDIndex(":, {}", t));
      } else if (t > 0) {
        boolean[] gold = new boolean[batch];
        for (int b = 0; b < batch; b++) {
          gold[b] = forcing.random().nextDouble() < forcing.ratio();
        }
        NDArray predicted = all.get(t - 1).argMax(1).stopGradient();
        NDArray useGold = trgIn.getManager().create(gold);
        previous = NDArrays.where(useGold, trgIn.get(new NDIndex(":, {}", t)), predicted);
      }
      NDArray y = dropout(trgEmbedding.lookup(previous.expandDims(1)), training); // (B, 1, E)
      StepResult r = decodeStep(y, state, training);
      state = r.state();
      all.add(r.readout().logits().squeeze(1)); // (B, V)
    }
    return NDArrays.stack(new NDList(all), 1); // (B, T, V)
  }

  @Override
  public DecoderState encode(NDArray src, int[] srcLengths, StepOptions options) {
    check(options); // one attention, no cache to switch: the steps are the same either way
    return encode(src, srcLengths, false, null);
  }

  private State encode(NDArray src, int[] srcLengths, boolean training, StateProbe probe) {
    NDArray ids = options.reverseSource() ? Sequences.reverseIdsWithin(src, srcLengths) : src;
    NDArray x = dropout(srcEmbedding.lookup(ids), training); // (B, S, E)
    RnnEncoder.Encoded encoded = encoder.encode(x, srcLengths, training, mode, probe);
    List<CellState> init = bridge.apply(encoded);
    NDArray context = init.get(init.size() - 1).h(); // c: the top layer of s_0, (B, H)
    if (attention == null) {
      return new PlainState(init, context);
    }
    NDManager m = src.getManager();
    long batch = src.getShape().get(0);
    int srcLength = (int) src.getShape().get(1);
    Memory memory =
        new Memory(
            attention.keys(encoded.outputs()), // (B, S, D·H), projected once for the sentence
            Masks.lengthMask(m, srcLengths, srcLength),
            Optional.ofNullable(location).map(l -> l.banded(m, srcLength)),
            options.reverseSource()
                ? Optional.of(Sequences.reversalIndex(m, srcLengths, srcLength))
                : Optional.empty());
    NDArray sTilde = m.zeros(new Shape(batch, options.hidden())); // s~_0 = 0
    NDArray weights = m.zeros(new Shape(batch, srcLength)); // no position attended yet
    return new AttentionalState(init, context, memory, sTilde, weights);
  }

  @Override
  public Step step(NDArray previous, DecoderState decoderState) {
    State state = (State) decoderState; // a state this model's encode made
    NDArray y = trgEmbedding.lookup(previous.expandDims(1)); // (B, 1, E)
    StepResult r = decodeStep(y, state, false);
    NDArray weights = r.readout().weights();
    return new Step(
        r.readout().logits().squeeze(1),
        r.state(),
        weights == null ? null : inSourceOrder(weights.squeeze(1), (AttentionalState) state));
  }

  /**
   * Weights over the memory (B, S) as weights over the source tokens: with {@code reverseSource}
   * memory position j holds source token {@code length - 1 - j}, so the row is reversed within its
   * length (the location term keeps reading the memory-order weights of the state).
   */
  private static NDArray inSourceOrder(NDArray weights, AttentionalState state) {
    return state.memory().reversal().map(index -> weights.gather(index, 1)).orElse(weights);
  }

  private NDArray dropout(NDArray x, boolean training) {
    return Dropout.apply(x, options.dropout(), training);
  }

  /**
   * The decoding state of a batch: each layer's recurrent state and the context vector {@code c},
   * the top layer of the bridged initial state (B, H), fed at every step when {@code context:
   * every-step}. One record per decoder variant.
   */
  sealed interface State extends DecoderState permits PlainState, AttentionalState {
    List<CellState> layers();

    NDArray context();

    @Override
    State select(NDArray rows);

    @Override
    State reorder(NDArray rows);
  }

  /** The plain encoder–decoder's state: the layers and the context vector. */
  record PlainState(List<CellState> layers, NDArray context) implements State {

    @Override
    public PlainState select(NDArray rows) {
      return new PlainState(CellState.rows(layers, rows), DecoderState.rows(context, rows));
    }

    @Override
    public PlainState reorder(NDArray rows) {
      return new PlainState(CellState.rows(layers, rows), context);
    }

    @Override
    public void attach(NDManager manager) {
      CellState.attach(layers, manager);
      context.attach(manager);
    }
  }

  /**
   * What attention reads and no step changes: the encoder states (B, S, D·H) with what the score
   * computes from them alone (the additive score's W_h h), their mask (B, S), with the location
   * term its banded kernel matrix (S, S), built once per batch, and with {@code reverseSource} the
   * gather index (B, S) between memory and source order.
   */
  record Memory(
      Attention.Keys keys, NDArray mask, Optional<NDArray> banded, Optional<NDArray> reversal) {
    Memory select(NDArray rows) {
      return new Memory(
          keys.select(rows),
          DecoderState.rows(mask, rows),
          banded,
          reversal.map(index -> DecoderState.rows(index, rows)));
    }

    void attach(NDManager manager) {
      keys.attach(manager);
      mask.attach(manager);
      banded.ifPresent(b -> b.attach(manager));
      reversal.ifPresent(index -> index.attach(manager));
    }
  }

  /**
   * The attentional decoder's state: besides the layers and the context vector, the memory, the
   * previous attentional hidden state s~ (B, H), read by input feeding, and the previous attention
   * weights (B, S), read by the location term (both zeros before the first step).
   */
  record AttentionalState(
      List<CellState> layers, NDArray context, Memory memory, NDArray sTilde, NDArray weights)
      implements State {

    AttentionalState next(List<CellState> newLayers, NDArray newSTilde, NDArray newWeights) {
      return new AttentionalState(newLayers, context, memory, newSTilde, newWeights);
    }

    @Override
    public AttentionalState select(NDArray rows) {
      AttentionalState r = reorder(rows);
      return new AttentionalState(
          r.layers(),
          DecoderState.rows(context, rows),
          memory.select(rows),
          r.sTilde(),
          r.weights());
    }

    @Override
    public AttentionalState reorder(NDArray rows) {
      return new AttentionalState(
          CellState.rows(layers, rows),
          context,
          memory,
          DecoderState.rows(sTilde, rows),
          DecoderState.rows(weights, rows));
    }

    @Override
    public void attach(NDManager manager) {
      CellState.attach(layers, manager);
      context.attach(manager);
      memory.attach(manager);
      sTilde.attach(manager);
      weights.attach(manager);
    }
  }
}
