package dev.seq4j.config;

import java.util.Locale;

/**
 * Writes the resolved configuration (every key, defaults filled in) as YAML that {@link
 * ConfigLoader} reads back to an equal record.
 */
public final class ConfigWriter {
  private ConfigWriter() {}

  /** The YAML text of {@code c}. */
  public static String toYaml(ExperimentConfig c) {
    StringBuilder y = new StringBuilder();
    y.append("# resolved configuration written by seq4j\n");
    y.append("name: ").append(quote(c.name())).append('\n');
    y.append("seed: ").append(c.seed()).append('\n');
    DataConfig d = c.data();
    y.append("data:\n");
    kv(y, "train", quote(d.train()));
    kv(y, "valid", quote(d.valid()));
    kv(y, "test", quote(d.test()));
    kv(y, "format", Choices.name(d.format()));
    kv(y, "src", quote(d.src()));
    kv(y, "trg", quote(d.trg()));
    kv(y, "srcTokenizer", Choices.name(d.srcTokenizer()));
    kv(y, "trgTokenizer", Choices.name(d.trgTokenizer()));
    kv(y, "lowercase", d.lowercase());
    kv(y, "maxLength", d.maxLength());
    kv(y, "minFreq", d.minFreq());
    kv(y, "maxVocab", d.maxVocab());
    kv(y, "bpeMerges", d.bpeMerges());
    kv(y, "bpeVocabulary", d.bpeVocabulary());
    kv(y, "bpeJoint", d.bpeJoint());
    kv(y, "sharedVocabulary", d.sharedVocabulary());
    SpecialsConfig s = d.specials();
    y.append("  specials: {pad: ")
        .append(quote(s.pad()))
        .append(", unk: ")
        .append(quote(s.unk()))
        .append(", bos: ")
        .append(quote(s.bos()))
        .append(", eos: ")
        .append(quote(s.eos()))
        .append(", order: [")
        .append(String.join(", ", s.order()))
        .append("]}\n");
    y.append("model:\n");
    if (c.model() instanceof RnnConfig m) {
      kv(y, "type", "rnn");
      kv(y, "cell", Choices.name(m.cell()));
      kv(y, "embedding", m.embedding());
      kv(y, "hidden", m.hidden());
      kv(y, "layers", m.layers());
      kv(y, "dropout", m.dropout());
      kv(y, "bidirectional", m.bidirectional());
      kv(y, "bridge", Choices.name(m.bridge()));
      kv(y, "context", Choices.name(m.context()));
      kv(y, "reverseSource", m.reverseSource());
      kv(y, "initRange", m.initRange());
      kv(y, "attention", Choices.name(m.attention()));
      kv(y, "decoder", Choices.name(m.decoder()));
      kv(y, "inputFeeding", m.inputFeeding());
      kv(y, "outputBias", m.outputBias());
      kv(y, "locationWidth", m.locationWidth());
    } else if (c.model() instanceof TransformerConfig m) {
      kv(y, "type", "transformer");
      kv(y, "dModel", m.dModel());
      kv(y, "heads", m.heads());
      kv(y, "ffn", m.ffn());
      kv(y, "encoderLayers", m.encoderLayers());
      kv(y, "decoderLayers", m.decoderLayers());
      kv(y, "dropout", m.dropout());
      kv(y, "norm", Choices.name(m.norm()));
      kv(y, "tie", Choices.name(m.tie()));
      kv(y, "maxPositions", m.maxPositions());
    }
    y.append("train:\n");
    train(y, c.train());
    DecodeConfig o = c.decode();
    y.append("decode:\n");
    kv(y, "strategy", Choices.name(o.strategy()));
    kv(y, "beamSize", o.beamSize());
    kv(y, "maxLength", o.maxLength());
    kv(y, "maxLengthRatio", o.maxLengthRatio());
    kv(y, "maxLengthOffset", o.maxLengthOffset());
    kv(y, "lengthPenalty", o.lengthPenalty());
    kv(y, "lengthNormalization", Choices.name(o.lengthNormalization()));
    kv(y, "minLength", o.minLength());
    kv(y, "nBest", o.nBest());
    kv(y, "batchSize", o.batchSize());
    kv(y, "temperature", o.temperature());
    kv(y, "topK", o.topK());
    kv(y, "topP", o.topP());
    kv(y, "seed", o.seed());
    kv(y, "cache", o.cache());
    return y.toString();
  }

  /** The YAML text of a names experiment. */
  public static String toYaml(NamesConfig c) {
    StringBuilder y = new StringBuilder();
    y.append("# resolved configuration written by seq4j\n");
    y.append("task: ").append(Choices.name(c.task())).append('\n');
    y.append("name: ").append(quote(c.name())).append('\n');
    y.append("seed: ").append(c.seed()).append('\n');
    NamesConfig.Data d = c.data();
    y.append("data:\n");
    kv(y, "folder", quote(d.folder()));
    kv(y, "trainShare", d.trainShare());
    kv(y, "validShare", d.validShare());
    kv(y, "splitSeed", d.splitSeed());
    kv(y, "lowercase", d.lowercase());
    NamesConfig.Model m = c.model();
    y.append("model:\n");
    kv(y, "cell", Choices.name(m.cell()));
    kv(y, "embedding", m.embedding());
    kv(y, "hidden", m.hidden());
    kv(y, "layers", m.layers());
    kv(y, "bidirectional", m.bidirectional());
    kv(y, "mlpHidden", m.mlpHidden());
    kv(y, "dropout", m.dropout());
    kv(y, "conditioned", m.conditioned());
    y.append("train:\n");
    kv(y, "classWeights", Choices.name(c.classWeights()));
    train(y, c.train());
    return y.toString();
  }

  private static void train(StringBuilder y, TrainConfig t) {
    kv(y, "epochs", t.epochs());
    kv(y, "batchSize", t.batchSize());
    kv(y, "batchTokens", t.batchTokens());
    kv(y, "optimizer", Choices.name(t.optimizer()));
    kv(y, "learningRate", t.learningRate());
    kv(y, "momentum", t.momentum());
    kv(y, "weightDecay", t.weightDecay());
    kv(y, "adamBeta1", t.adamBeta1());
    kv(y, "adamBeta2", t.adamBeta2());
    kv(y, "adamEps", t.adamEps());
    kv(y, "schedule", Choices.name(t.schedule()));
    kv(y, "halvingStartEpoch", t.halvingStartEpoch());
    kv(y, "warmupSteps", t.warmupSteps());
    kv(y, "plateauFactor", t.plateauFactor());
    kv(y, "plateauPatience", t.plateauPatience());
    kv(y, "clipNorm", t.clipNorm());
    kv(y, "labelSmoothing", t.labelSmoothing());
    kv(y, "teacherForcing", t.teacherForcing());
    kv(y, "patience", t.patience());
    kv(y, "metric", Choices.name(t.metric()));
    kv(y, "evalEverySteps", t.evalEverySteps());
    kv(y, "shuffle", t.shuffle());
    kv(y, "nanPolicy", Choices.name(t.nanPolicy()));
    kv(y, "maxSteps", t.maxSteps());
    kv(y, "timeLimitMinutes", t.timeLimitMinutes());
  }

  private static void kv(StringBuilder y, String key, Object value) {
    String v =
        value instanceof Double x ? String.format(Locale.ROOT, "%s", x) : String.valueOf(value);
    y.append("  ").append(key).append(": ").append(v).append('\n');
  }

  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder q = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> q.append(ch);
      }
    }
    return q.append('"').toString();
  }
}
