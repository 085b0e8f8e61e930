package dev.seq4j.translate;

import dev.seq4j.config.Choices;
import dev.seq4j.config.Section;
import dev.seq4j.model.ModelConfig;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.transformer.TransformerConfig;
import java.util.function.Function;

/**
 * The sequence-to-sequence families {@code model.type} selects; each constant carries its record
 * and that record's reader. A new family is its package under {@code model/} (a {@link ModelConfig}
 * record that builds its model) and one constant here.
 */
public enum ModelFamily {
  /** {@code type: rnn}: {@link RnnConfig}. */
  RNN(RnnConfig.class, RnnConfig::read),
  /** {@code type: transformer}: {@link TransformerConfig}. */
  TRANSFORMER(TransformerConfig.class, TransformerConfig::read);

  private final Class<? extends ModelConfig> record;
  private final Function<Section, ? extends ModelConfig> reader;

  ModelFamily(
      Class<? extends ModelConfig> record, Function<Section, ? extends ModelConfig> reader) {
    this.record = record;
    this.reader = reader;
  }

  /** Reads a {@code model} section: its {@code type}, then that family's keys (and no others). */
  public static ModelConfig read(Section s) {
    ModelFamily type = s.choice("type", null, ModelFamily.class);
    if (type == null) {
      throw s.invalid("type", "required (one of " + Choices.names(ModelFamily.class) + ")");
    }
    ModelConfig c = type.reader.apply(s);
    s.finish();
    return c;
  }

  /** The family of {@code c}. */
  public static ModelFamily of(ModelConfig c) {
    for (ModelFamily f : values()) {
      if (f.record.isInstance(c)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no model family for " + c.getClass().getName());
  }
}
