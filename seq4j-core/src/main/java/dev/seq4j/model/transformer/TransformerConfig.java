package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDManager;
import dev.seq4j.config.Bound;
import dev.seq4j.config.DataConfig;
import dev.seq4j.config.InvalidSetting;
import dev.seq4j.config.Section;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.model.ModelConfig;
import java.util.Objects;

/**
 * A Transformer encoder–decoder (Vaswani et al. 2017): the {@code model:} section of YAML with
 * {@code type: transformer}, and the options {@link TransformerSeq2Seq} is built from. Build one in
 * code with {@link #builder()} (defaults as in YAML).
 *
 * @param dModel model width d (embeddings, every sublayer's input and output)
 * @param heads attention heads h; d must be a multiple of h (d_k = d / h)
 * @param ffn inner width of the position-wise feed-forward network
 * @param encoderLayers N for the encoder
 * @param decoderLayers N for the decoder
 * @param dropout on embeddings + positions, attention weights, every sublayer output and inside the
 *     feed-forward network
 * @param norm {@code post}: {@code LayerNorm(x + Sublayer(x))} as in the paper; {@code pre}: {@code
 *     x + Sublayer(LayerNorm(x))} with a final LayerNorm after each stack
 * @param tie which embedding matrices are shared
 * @param maxPositions length of the precomputed positional-encoding table
 */
public record TransformerConfig(
    int dModel,
    int heads,
    int ffn,
    int encoderLayers,
    int decoderLayers,
    double dropout,
    Norm norm,
    Tie tie,
    int maxPositions)
    implements ModelConfig {

  /** Where LayerNorm sits around each sublayer. */
  public enum Norm {
    POST,
    PRE
  }

  /** Shared embedding matrices (Press and Wolf 2017). */
  public enum Tie {
    /** Separate source, target and output matrices (the output has a bias). */
    NONE,
    /** The output projection is the target embedding, transposed. */
    OUTPUT,
    /**
     * Source embedding, target embedding and output projection are one matrix (needs {@code
     * data.sharedVocabulary: true}).
     */
    ALL
  }

  /** Validates every setting; messages name the YAML key. */
  public TransformerConfig {
    Objects.requireNonNull(norm, "model.norm");
    Objects.requireNonNull(tie, "model.tie");
    positive("dModel", dModel);
    positive("heads", heads);
    positive("ffn", ffn);
    positive("encoderLayers", encoderLayers);
    positive("decoderLayers", decoderLayers);
    positive("maxPositions", maxPositions);
    if (dModel % heads != 0) {
      throw new InvalidSetting(
          "model.heads", "must divide model.dModel (" + dModel + "), was " + heads);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new InvalidSetting("model.dropout", "must be in [0, 1), was " + dropout);
    }
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new InvalidSetting("model." + key, "must be >= 1, was " + value);
    }
  }

  /**
   * {@code tie: all} needs one vocabulary for both sides; the decoder reads the whole reference at
   * once, so teacher forcing must be 1.
   */
  @Override
  public void checkWith(DataConfig data, TrainConfig train) {
    if (tie == Tie.ALL && !data.sharedVocabulary()) {
      throw new InvalidSetting(
          "model.tie", "'all' needs data.sharedVocabulary: true (one vocabulary for both sides)");
    }
    if (train.teacherForcing() < 1) {
      throw new InvalidSetting(
          "train.teacherForcing",
          "must be 1 for a transformer (its decoder reads the whole reference at once), was "
              + train.teacherForcing());
    }
  }

  /** Always: every decoder layer attends over the encoder's memory. */
  @Override
  public boolean attends() {
    return true;
  }

  @Override
  public TransformerSeq2Seq build(NDManager manager, int srcVocabulary, int trgVocabulary) {
    return new TransformerSeq2Seq(manager, this, srcVocabulary, trgVocabulary);
  }

  /**
   * Reads the {@code model} section (its {@code type} already read); defaults are the builder's.
   */
  public static TransformerConfig read(Section s) {
    Builder b = builder();
    b.dModel = (int) s.integer("dModel", b.dModel, 1, 65_536);
    b.heads = (int) s.integer("heads", b.heads, 1, 1024);
    b.ffn = (int) s.integer("ffn", b.ffn, 1, 1 << 20);
    b.encoderLayers = (int) s.integer("encoderLayers", b.encoderLayers, 1, 64);
    b.decoderLayers = (int) s.integer("decoderLayers", b.decoderLayers, 1, 64);
    b.dropout = s.number("dropout", b.dropout, Bound.atLeast(0), Bound.below(1));
    b.norm = s.choice("norm", b.norm, Norm.class);
    b.tie = s.choice("tie", b.tie, Tie.class);
    b.maxPositions = (int) s.integer("maxPositions", b.maxPositions, 1, 1 << 20);
    return s.check(b::build);
  }

  /** A builder holding the defaults (those of YAML). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's settings, to make a changed copy. */
  public Builder toBuilder() {
    return builder()
        .dModel(dModel)
        .heads(heads)
        .ffn(ffn)
        .encoderLayers(encoderLayers)
        .decoderLayers(decoderLayers)
        .dropout(dropout)
        .norm(norm)
        .tie(tie)
        .maxPositions(maxPositions);
  }

  /**
   * Builds a {@link TransformerConfig} by name; each setter's value is the component of that name.
   */
  public static final class Builder {
    private int dModel = 512;
    private int heads = 8;
    private int ffn = 2048;
    private int encoderLayers = 6;
    private int decoderLayers = 6;
    private double dropout = 0.1;
    private Norm norm = Norm.POST;
    private Tie tie = Tie.OUTPUT;
    private int maxPositions = 1024;

    private Builder() {}

    /** The model width d. */
    public Builder dModel(int v) {
      dModel = v;
      return this;
    }

    /** The attention heads. */
    public Builder heads(int v) {
      heads = v;
      return this;
    }

    /** The feed-forward inner width. */
    public Builder ffn(int v) {
      ffn = v;
      return this;
    }

    /** The encoder's layers. */
    public Builder encoderLayers(int v) {
      encoderLayers = v;
      return this;
    }

    /** The decoder's layers. */
    public Builder decoderLayers(int v) {
      decoderLayers = v;
      return this;
    }

    /** The dropout probability. */
    public Builder dropout(double v) {
      dropout = v;
      return this;
    }

    /** Where LayerNorm sits. */
    public Builder norm(Norm v) {
      norm = v;
      return this;
    }

    /** Which matrices are shared. */
    public Builder tie(Tie v) {
      tie = v;
      return this;
    }

    /** The positional-encoding table's length. */
    public Builder maxPositions(int v) {
      maxPositions = v;
      return this;
    }

    /** The configuration; throws {@link InvalidSetting} for settings that cannot work. */
    public TransformerConfig build() {
      return new TransformerConfig(
          dModel, heads, ffn, encoderLayers, decoderLayers, dropout, norm, tie, maxPositions);
    }
  }
}
