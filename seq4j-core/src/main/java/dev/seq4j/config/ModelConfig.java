package dev.seq4j.config;

/** A model family's settings; {@code model.type} in YAML selects the record. */
public sealed interface ModelConfig permits RnnConfig, TransformerConfig {

  /** The model families. */
  enum Type {
    RNN,
    TRANSFORMER
  }

  static ModelConfig read(Section s) {
    Type type = s.choice("type", null, Type.class);
    if (type == null) {
      throw s.invalid("type", "required (one of " + Choices.names(Type.class) + ")");
    }
    ModelConfig c =
        switch (type) {
          case RNN -> RnnConfig.read(s);
          case TRANSFORMER -> TransformerConfig.read(s);
        };
    s.finish();
    return c;
  }
}
