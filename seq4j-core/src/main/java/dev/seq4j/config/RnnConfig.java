package dev.seq4j.config;

/**
 * A recurrent encoder–decoder.
 *
 * @param bridge how a bidirectional encoder's final states initialise the decoder
 * @param context {@code init}: the context vector initialises the decoder (Sutskever); {@code
 *     every-step}: it is also fed at every step (Cho)
 * @param initRange 0 for PyTorch's default initialisation, otherwise uniform ±initRange
 * @param outputBias the output layer has a bias ({@code softmax(W_y s + b_y)})
 * @param locationWidth odd width of the location-sensitive attention term over the previous
 *     weights; 0 (the default) for content-only attention
 */
public record RnnConfig(
    Cell cell,
    int embedding,
    int hidden,
    int layers,
    double dropout,
    boolean bidirectional,
    Bridge bridge,
    Context context,
    boolean reverseSource,
    double initRange,
    Attention attention,
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

  /** Recurrent cells. */
  public enum Cell {
    LSTM,
    GRU,
    ELMAN
  }

  /** Bidirectional bridges. */
  public enum Bridge {
    LINEAR,
    SUM,
    FORWARD
  }

  /** Where the context vector goes. */
  public enum Context {
    INIT,
    EVERY_STEP
  }

  /** Attention scores (none: the plain encoder–decoder). */
  public enum Attention {
    NONE,
    DOT,
    GENERAL,
    CONCAT,
    ADDITIVE
  }

  static RnnConfig read(Section s) {
    return new RnnConfig(
        s.choice("cell", Cell.LSTM, Cell.class),
        (int) s.integer("embedding", 256, 1, 65_536),
        (int) s.integer("hidden", 512, 1, 65_536),
        (int) s.integer("layers", 1, 1, 16),
        s.number("dropout", 0.0, Bound.atLeast(0), Bound.below(1)),
        s.bool("bidirectional", false),
        s.choice("bridge", Bridge.LINEAR, Bridge.class),
        s.choice("context", Context.INIT, Context.class),
        s.bool("reverseSource", false),
        s.number("initRange", 0.0, Bound.atLeast(0), Bound.NONE),
        s.choice("attention", Attention.NONE, Attention.class),
        s.choice("decoder", Decoder.LUONG, Decoder.class),
        s.bool("inputFeeding", false),
        s.bool("outputBias", true),
        locationWidth(s));
  }

  private static int locationWidth(Section s) {
    int w = (int) s.integer("locationWidth", 0, 0, 99);
    if (w % 2 == 0 && w != 0) {
      throw s.invalid("locationWidth", "must be odd (or 0 for none), was " + w);
    }
    if (w != 0 && s.choice("attention", Attention.NONE, Attention.class) == Attention.NONE) {
      throw s.invalid("locationWidth", "needs attention (model.attention is none)");
    }
    return w;
  }
}
