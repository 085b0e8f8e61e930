package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDManager;
import dev.seq4j.config.Bound;
import dev.seq4j.config.Choices;
import dev.seq4j.config.InvalidSetting;
import dev.seq4j.config.Section;
import dev.seq4j.model.ModelConfig;
import dev.seq4j.model.attention.AttentionKind;
import dev.seq4j.model.attention.ScoreKind;
import java.util.Objects;

/**
 * A recurrent encoder–decoder: the {@code model:} section of YAML with {@code type: rnn}, and the
 * options {@link RnnSeq2Seq} is built from. Build one in code with {@link #builder()} (defaults as
 * in YAML); the compact constructor checks every combination.
 *
 * @param cell Elman, LSTM or GRU
 * @param embedding embedding size E
 * @param hidden hidden size H of one direction
 * @param layers layers of the encoder and of the decoder
 * @param dropout dropout on embeddings, between layers and before the output layer
 * @param bidirectional whether the encoder reads both ways
 * @param bridge how a bidirectional encoder's final states initialise the decoder
 * @param context {@code init}: the context vector initialises the decoder (Sutskever); {@code
 *     every-step}: it is also fed at every step (Cho)
 * @param reverseSource read the source backwards (Sutskever's trick)
 * @param initRange 0 for PyTorch's default initialisation, otherwise uniform ±initRange
 * @param attention the attention score over encoder states (Luong's placement: after the decoder
 *     step, {@code s~ = tanh(W_c[c; s] + b_c)}), or {@link AttentionKind#NONE}
 * @param decoder {@code luong}: attend from the new decoder state; {@code bahdanau}: attend from
 *     the previous state and feed the context into the recurrent input
 * @param inputFeeding Luong's input feeding: s~ of the previous step is part of the next input
 * @param outputBias the output layer has a bias ({@code softmax(W_y s + b_y)})
 * @param locationWidth odd width of the location-sensitive attention term over the previous
 *     weights; 0 (the default) for content-only attention
 */
public record RnnConfig(
    CellType cell,
    int embedding,
    int hidden,
    int layers,
    double dropout,
    boolean bidirectional,
    Bridge.Kind bridge,
    Context context,
    boolean reverseSource,
    double initRange,
    ScoreKind attention,
    Decoder decoder,
    boolean inputFeeding,
    boolean outputBias,
    int locationWidth)
    implements ModelConfig {

  /** Where attention sits in the decoder (Luong: after the step; Bahdanau: before it). */
  public enum Decoder {
    LUONG,
    BAHDANAU
  }

  /** Where the context vector goes. */
  public enum Context {
    INIT,
    EVERY_STEP
  }

  /** Validates every setting; messages name the YAML key. */
  public RnnConfig {
    Objects.requireNonNull(cell, "model.cell");
    Objects.requireNonNull(bridge, "model.bridge");
    Objects.requireNonNull(context, "model.context");
    Objects.requireNonNull(attention, "model.attention");
    Objects.requireNonNull(decoder, "model.decoder");
    positive("embedding", embedding);
    positive("hidden", hidden);
    positive("layers", layers);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new InvalidSetting("model.dropout", "must be in [0, 1), was " + dropout);
    }
    if (!(initRange >= 0) || Double.isInfinite(initRange)) {
      throw new InvalidSetting("model.initRange", "must be >= 0, was " + initRange);
    }
    if (locationWidth < 0 || locationWidth % 2 == 0 && locationWidth != 0) {
      throw new InvalidSetting(
          "model.locationWidth", "must be odd (or 0 for none), was " + locationWidth);
    }
    checkAttention(attention, decoder, inputFeeding, bidirectional, locationWidth);
  }

  /** The combinations of attention, decoder placement, input feeding and location term. */
  private static void checkAttention(
      ScoreKind attention,
      Decoder decoder,
      boolean inputFeeding,
      boolean bidirectional,
      int locationWidth) {
    boolean attends = attention != AttentionKind.NONE;
    if (locationWidth != 0 && !attends) {
      throw new InvalidSetting("model.locationWidth", "needs attention (model.attention is none)");
    }
    if (!attends && (decoder == Decoder.BAHDANAU || inputFeeding)) {
      throw new InvalidSetting(
          decoder == Decoder.BAHDANAU ? "model.decoder" : "model.inputFeeding",
          "the Bahdanau decoder and input feeding need attention (model.attention is none)");
    }
    if (decoder == Decoder.BAHDANAU && inputFeeding) {
      throw new InvalidSetting(
          "model.inputFeeding", "input feeding belongs to the Luong decoder, not Bahdanau");
    }
    if (attention.needsEqualSizes() && bidirectional) {
      throw new InvalidSetting(
          "model.attention",
          "'"
              + (attention instanceof Enum<?> e ? Choices.name(e) : attention)
              + "' needs encoder states of the decoder's size; with a bidirectional encoder use"
              + " general, concat or additive");
    }
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new InvalidSetting("model." + key, "must be >= 1, was " + value);
    }
  }

  /** Whether the decoder attends over the encoder states ({@code attention} is not none). */
  @Override
  public boolean attends() {
    return attention != AttentionKind.NONE;
  }

  @Override
  public RnnSeq2Seq build(NDManager manager, int srcVocabulary, int trgVocabulary) {
    return new RnnSeq2Seq(manager, this, srcVocabulary, trgVocabulary);
  }

  /**
   * Reads the {@code model} section (its {@code type} already read); defaults are the builder's.
   */
  public static RnnConfig read(Section s) {
    Builder b = builder();
    b.cell = s.choice("cell", b.cell, CellType.class);
    b.embedding = (int) s.integer("embedding", b.embedding, 1, 65_536);
    b.hidden = (int) s.integer("hidden", b.hidden, 1, 65_536);
    b.layers = (int) s.integer("layers", b.layers, 1, 16);
    b.dropout = s.number("dropout", b.dropout, Bound.atLeast(0), Bound.below(1));
    b.bidirectional = s.bool("bidirectional", b.bidirectional);
    b.bridge = s.choice("bridge", b.bridge, Bridge.Kind.class);
    b.context = s.choice("context", b.context, Context.class);
    b.reverseSource = s.bool("reverseSource", b.reverseSource);
    b.initRange = s.number("initRange", b.initRange, Bound.atLeast(0), Bound.NONE);
    AttentionKind attention = s.choice("attention", null, AttentionKind.class);
    b.attention = attention == null ? b.attention : attention;
    b.decoder = s.choice("decoder", b.decoder, Decoder.class);
    b.inputFeeding = s.bool("inputFeeding", b.inputFeeding);
    b.outputBias = s.bool("outputBias", b.outputBias);
    b.locationWidth = (int) s.integer("locationWidth", b.locationWidth, 0, 99);
    return s.check(b::build);
  }

  /** A builder holding the defaults (those of YAML). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's settings, to make a changed copy. */
  public Builder toBuilder() {
    return builder()
        .cell(cell)
        .embedding(embedding)
        .hidden(hidden)
        .layers(layers)
        .dropout(dropout)
        .bidirectional(bidirectional)
        .bridge(bridge)
        .context(context)
        .reverseSource(reverseSource)
        .initRange(initRange)
        .attention(attention)
        .decoder(decoder)
        .inputFeeding(inputFeeding)
        .outputBias(outputBias)
        .locationWidth(locationWidth);
  }

  /** Builds an {@link RnnConfig} by name; each setter's value is the component of that name. */
  public static final class Builder {
    private CellType cell = CellType.LSTM;
    private int embedding = 256;
    private int hidden = 512;
    private int layers = 1;
    private double dropout = 0.0;
    private boolean bidirectional = false;
    private Bridge.Kind bridge = Bridge.Kind.LINEAR;
    private Context context = Context.INIT;
    private boolean reverseSource = false;
    private double initRange = 0.0;
    private ScoreKind attention = AttentionKind.NONE;
    private Decoder decoder = Decoder.LUONG;
    private boolean inputFeeding = false;
    private boolean outputBias = true;
    private int locationWidth = 0;

    private Builder() {}

    /** The recurrent cell. */
    public Builder cell(CellType v) {
      cell = v;
      return this;
    }

    /** The embedding size. */
    public Builder embedding(int v) {
      embedding = v;
      return this;
    }

    /** The hidden size of one direction. */
    public Builder hidden(int v) {
      hidden = v;
      return this;
    }

    /** The layers of encoder and decoder. */
    public Builder layers(int v) {
      layers = v;
      return this;
    }

    /** The dropout probability. */
    public Builder dropout(double v) {
      dropout = v;
      return this;
    }

    /** Whether the encoder reads both ways. */
    public Builder bidirectional(boolean v) {
      bidirectional = v;
      return this;
    }

    /** The bidirectional bridge. */
    public Builder bridge(Bridge.Kind v) {
      bridge = v;
      return this;
    }

    /** Where the context vector goes. */
    public Builder context(Context v) {
      context = v;
      return this;
    }

    /** Whether the source is read backwards. */
    public Builder reverseSource(boolean v) {
      reverseSource = v;
      return this;
    }

    /** Uniform ±initRange initialisation (0: PyTorch's defaults). */
    public Builder initRange(double v) {
      initRange = v;
      return this;
    }

    /** The attention score. */
    public Builder attention(ScoreKind v) {
      attention = v;
      return this;
    }

    /** Where attention sits in the decoder. */
    public Builder decoder(Decoder v) {
      decoder = v;
      return this;
    }

    /** Luong's input feeding. */
    public Builder inputFeeding(boolean v) {
      inputFeeding = v;
      return this;
    }

    /** Whether the output layer has a bias. */
    public Builder outputBias(boolean v) {
      outputBias = v;
      return this;
    }

    /** The location term's width (0: none). */
    public Builder locationWidth(int v) {
      locationWidth = v;
      return this;
    }

    /** The configuration; throws {@link InvalidSetting} for a combination that cannot work. */
    public RnnConfig build() {
      return new RnnConfig(
          cell,
          embedding,
          hidden,
          layers,
          dropout,
          bidirectional,
          bridge,
          context,
          reverseSource,
          initRange,
          attention,
          decoder,
          inputFeeding,
          outputBias,
          locationWidth);
    }
  }
}
