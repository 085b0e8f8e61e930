package dev.seq4j.model;

import ai.djl.ndarray.NDManager;
import dev.seq4j.config.ModelConfig;
import dev.seq4j.config.RnnConfig;
import dev.seq4j.config.TransformerConfig;
import dev.seq4j.model.rnn.Bridge;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnOptions;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.model.transformer.TransformerOptions;
import dev.seq4j.model.transformer.TransformerSeq2Seq;

/** Builds the model a configuration describes, with fresh parameters. */
public final class ModelFactory {
  private ModelFactory() {}

  /** A new model for vocabularies of the given sizes. */
  public static Seq2SeqModel create(
      ModelConfig config, int srcVocabulary, int trgVocabulary, NDManager manager) {
    if (config instanceof RnnConfig r) {
      try {
        return new RnnSeq2Seq(manager, rnnOptions(r, srcVocabulary, trgVocabulary));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("model: " + e.getMessage(), e);
      }
    }
    if (config instanceof TransformerConfig t) {
      try {
        return new TransformerSeq2Seq(manager, transformerOptions(t, srcVocabulary, trgVocabulary));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("model: " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException("unsupported model type " + config);
  }

  /** The model options of a Transformer configuration. */
  public static TransformerOptions transformerOptions(
      TransformerConfig t, int srcVocabulary, int trgVocabulary) {
    return new TransformerOptions(
        t.dModel(),
        t.heads(),
        t.ffn(),
        t.encoderLayers(),
        t.decoderLayers(),
        t.dropout(),
        t.norm() == TransformerConfig.Norm.PRE,
        TransformerOptions.Tie.valueOf(t.tie().name()),
        t.maxPositions(),
        srcVocabulary,
        trgVocabulary);
  }

  /** The recurrent cell a configuration names. */
  public static CellType cellType(RnnConfig.Cell cell) {
    return switch (cell) {
      case LSTM -> CellType.LSTM;
      case GRU -> CellType.GRU;
      case ELMAN -> CellType.ELMAN;
    };
  }

  /** The model options of a recurrent configuration. */
  public static RnnOptions rnnOptions(RnnConfig r, int srcVocabulary, int trgVocabulary) {
    return new RnnOptions(
        cellType(r.cell()),
        r.embedding(),
        r.hidden(),
        r.layers(),
        r.dropout(),
        r.bidirectional(),
        switch (r.bridge()) {
          case LINEAR -> Bridge.Kind.LINEAR;
          case SUM -> Bridge.Kind.SUM;
          case FORWARD -> Bridge.Kind.FORWARD;
        },
        r.context() == RnnConfig.Context.EVERY_STEP,
        r.reverseSource(),
        r.initRange(),
        srcVocabulary,
        trgVocabulary,
        RnnOptions.Attention.valueOf(r.attention().name()),
        RnnOptions.Decoder.valueOf(r.decoder().name()),
        r.inputFeeding(),
        r.outputBias(),
        r.locationWidth());
  }
}
