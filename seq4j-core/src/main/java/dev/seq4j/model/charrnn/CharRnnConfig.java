package dev.seq4j.model.charrnn;

import dev.seq4j.config.Bound;
import dev.seq4j.config.Section;
import dev.seq4j.model.rnn.CellType;

/**
 * A character-level network of names (the {@code model:} section of a {@code classify} or {@code
 * generate} YAML), read by {@link NameClassifier} and {@link NameGenerator}.
 *
 * @param cell the recurrent cell
 * @param embedding character embedding size
 * @param hidden recurrent state size
 * @param layers stacked recurrent layers
 * @param bidirectional read each name in both directions (classifier only)
 * @param mlpHidden classifier: size of the MLP's hidden layer (0: one linear layer)
 * @param dropout dropout on embeddings, between layers and in the MLP
 * @param conditioned generator: the nationality's embedding initialises the hidden state
 */
public record CharRnnConfig(
    CellType cell,
    int embedding,
    int hidden,
    int layers,
    boolean bidirectional,
    int mlpHidden,
    double dropout,
    boolean conditioned) {

  /** Reads the {@code model} section and rejects keys it does not know. */
  public static CharRnnConfig read(Section s) {
    CharRnnConfig m =
        new CharRnnConfig(
            s.choice("cell", CellType.GRU, CellType.class),
            (int) s.integer("embedding", 64, 1, 65_536),
            (int) s.integer("hidden", 128, 1, 65_536),
            (int) s.integer("layers", 1, 1, 16),
            s.bool("bidirectional", false),
            (int) s.integer("mlpHidden", 128, 0, 65_536),
            s.number("dropout", 0.0, Bound.atLeast(0), Bound.below(1)),
            s.bool("conditioned", false));
    s.finish();
    return m;
  }
}
