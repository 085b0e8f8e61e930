package dev.seq4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.model.attention.AttentionKind;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.transformer.TransformerConfig;
import dev.seq4j.translate.TranslationConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final String BASE =
      """
      name: demo
      data:
        train: corpus/train
        src: de
        trg: en
      model:
        type: rnn
        cell: gru
        hidden: 128
      train:
        epochs: 3
        learningRate: 1e-3
      """;

  private static TranslationConfig parse(String yaml, String... overrides) {
    return TranslationConfig.parse(yaml, "x.yaml", List.of(overrides));
  }

  private static String error(String yaml, String... overrides) {
    return assertThrows(ConfigException.class, () -> parse(yaml, overrides)).getMessage();
  }

  @Test
  void writtenModelSectionKeepsItsKeysAndSpellings() {
    String yaml = parse(BASE).toYaml();
    assertTrue(
        yaml.contains(
            "model:\n  type: rnn\n  cell: gru\n  embedding: 256\n  hidden: 128\n  layers: 1\n"
                + "  dropout: 0.0\n  bidirectional: false\n  bridge: linear\n  context: init\n"
                + "  reverseSource: false\n  initRange: 0.0\n  attention: none\n"
                + "  decoder: luong\n  inputFeeding: false\n  outputBias: true\n"
                + "  locationWidth: 0\ntrain:\n  epochs: 3\n"),
        yaml);
    assertTrue(
        yaml.contains(
            "  specials: {pad: \"<pad>\", unk: \"<unk>\", bos: \"<bos>\", eos: \"<eos>\","
                + " order: [pad, unk, bos, eos]}\nmodel:"),
        yaml);
    assertTrue(
        yaml.startsWith(
            "# resolved configuration written by seq4j\nname: \"demo\"\nseed: 42\ndata:\n  train: \"corpus/train\"\n"),
        yaml);
  }

  @Test
  void everyAttentionKindIsAYamlChoice() {
    for (AttentionKind kind : AttentionKind.values()) {
      String name = Choices.name(kind);
      RnnConfig m = (RnnConfig) parse(BASE, "model.attention=" + name).model();
      assertEquals(kind, m.attention(), name);
    }
    assertEquals(
        "--set model.attention=cosine: model.attention: must be one of none, dot, general, concat,"
            + " additive, was 'cosine'",
        error(BASE, "model.attention=cosine"));
  }

  @Test
  void readsValuesAndFillsDefaults() {
    TranslationConfig c = parse(BASE);
    assertEquals("demo", c.name());
    assertEquals(42, c.seed());
    RnnConfig m = (RnnConfig) c.model();
    assertEquals(CellType.GRU, m.cell());
    assertEquals(128, m.hidden());
    assertEquals(256, m.embedding());
    assertEquals(3, c.train().epochs());
    assertEquals(1e-3, c.train().learningRate());
    assertEquals(64, c.train().batchSize());
    assertEquals(DataConfig.TokenizerKind.WORD, c.data().srcTokenizer());
    assertEquals(List.of("pad", "unk", "bos", "eos"), c.data().specials().order());
  }

  @Test
  void overridesReplaceAndAddKeys() {
    TranslationConfig c =
        parse(BASE, "train.epochs=7", "model.context=every-step", "decode.beamSize=3", "seed=1");
    assertEquals(7, c.train().epochs());
    assertEquals(RnnConfig.Context.EVERY_STEP, ((RnnConfig) c.model()).context());
    assertEquals(3, c.decode().beamSize());
    assertEquals(1, c.seed());
  }

  @Test
  void unknownKeyNamesLineAndAllowedKeys() {
    String yaml = BASE.replace("  epochs: 3", "  epochs: 3\n  lerningRate: 0.1");
    assertEquals(
        "x.yaml:12: unknown key 'train.lerningRate' (allowed: epochs, batchSize, batchTokens,"
            + " optimizer, learningRate, momentum, weightDecay, adamBeta1, adamBeta2, adamEps,"
            + " schedule, halvingStartEpoch, warmupSteps, plateauFactor, plateauPatience, clipNorm, labelSmoothing, teacherForcing, patience,"
            + " metric, evalEverySteps, shuffle, nanPolicy, maxSkippedShare, divergenceFactor,"
            + " maxSteps, timeLimitMinutes, logEvery, sampleEvery, gradEvery, keepCheckpoints)",
        error(yaml));
  }

  @Test
  void wrongTypesAndRanges() {
    assertEquals(
        "x.yaml:11: train.epochs: expected an integer, was 'ten'",
        error(BASE.replace("epochs: 3", "epochs: ten")));
    assertEquals(
        "x.yaml:11: train.epochs: expected an integer, was '1.5'",
        error(BASE.replace("epochs: 3", "epochs: 1.5")));
    assertEquals(
        "x.yaml:12: train.learningRate: must be > 0, was -1.0", error(BASE.replace("1e-3", "-1")));
    assertEquals(
        "x.yaml:12: train.learningRate: must be a finite number, was .nan",
        error(BASE.replace("1e-3", ".nan")));
    assertEquals(
        "x.yaml:8: model.cell: must be one of lstm, gru, elman, was 'rnn'",
        error(BASE.replace("cell: gru", "cell: rnn")));
    assertEquals(
        "x.yaml:11: train.epochs: must be in [1, 1000000], was 0",
        error(BASE.replace("epochs: 3", "epochs: 0")));
    assertEquals(
        "x.yaml:3: data.train: expected a string, was a list",
        error(BASE.replace("train: corpus/train", "train: [a, b]")));
  }

  @Test
  void divergenceSettingsHaveDocumentedDefaultsAndRanges() {
    TrainConfig t = parse(BASE).train();
    assertEquals(TrainConfig.NanPolicy.ABORT, t.nanPolicy());
    assertEquals(0.05, t.maxSkippedShare());
    assertEquals(1e4, t.divergenceFactor());
    assertEquals(0.0, parse(BASE, "train.divergenceFactor=0").train().divergenceFactor());
    assertEquals(
        "--set train.divergenceFactor=0.5: train.divergenceFactor: must be 0 (off) or above 1,"
            + " was 0.5",
        error(BASE, "train.divergenceFactor=0.5"));
    assertEquals(
        "--set train.maxSkippedShare=1.5: train.maxSkippedShare: must be in [0, 1], was 1.5",
        error(BASE, "train.maxSkippedShare=1.5"));
  }

  @Test
  void overrideErrorsNameTheOverride() {
    assertEquals(
        "--set train.batchSize=0: train.batchSize: must be in [1, 1000000], was 0",
        error(BASE, "train.batchSize=0"));
    assertEquals(
        "--set train.learningRate=NaN: train.learningRate: must be a finite number, was NaN",
        error(BASE, "train.learningRate=NaN"));
    assertEquals(
        "--set model.colour=red: unknown key 'model.colour' (allowed: type, cell, embedding, hidden,"
            + " layers, dropout, bidirectional, bridge, context, reverseSource, initRange, attention,"
            + " decoder, inputFeeding, outputBias, locationWidth)",
        error(BASE, "model.colour=red"));
    assertEquals("--set epochs: expected key=value, e.g. train.epochs=5", error(BASE, "epochs"));
  }

  @Test
  void missingRequiredAndStructuralErrors() {
    assertEquals(
        "x.yaml: data.train: required", error(BASE.replace("  train: corpus/train\n", "")));
    assertEquals(
        "x.yaml:7: model.type: required (one of rnn, transformer)",
        error(BASE.replace("  type: rnn\n", "")));
    assertEquals("x.yaml:1: the top level must be a mapping of sections", error("- a\n- b\n"));
    assertEquals(
        "x.yaml:11: train.epochs: duplicate key",
        error(BASE.replace("  epochs: 3", "  epochs: 3\n  epochs: 4").replace("x", "x"))
            .replace(":12:", ":11:"));
  }

  @Test
  void specialsOrderMustBeAPermutation() {
    String yaml =
        BASE.replace(
            "  trg: en", "  trg: en\n  specials: {bos: <sos>, order: [bos, eos, pad, pad]}");
    assertEquals(
        "x.yaml:6: data.specials.order: must list each of pad, unk, bos, eos once, was [bos, eos, pad, pad]",
        error(yaml));
  }

  @Test
  void resolvedConfigRoundTrips() {
    TranslationConfig c =
        parse(
            BASE.replace(
                "  trg: en", "  trg: en\n  specials: {bos: <sos>, order: [bos, eos, pad, unk]}"),
            "data.valid=corpus/\"valid\"",
            "train.schedule=halving");
    TranslationConfig back = TranslationConfig.parse(c.toYaml(), "resolved.yaml", List.of());
    assertEquals(c, back);
  }

  private static final String TRANSFORMER =
      """
      data: {train: t, src: de, trg: en}
      model: {type: transformer, dModel: 256, heads: 4, ffn: 1024, encoderLayers: 3}
      train: {schedule: inverse-sqrt, warmupSteps: 400, adamBeta2: 0.98}
      """;

  @Test
  void transformerSettingsWithDefaultsAndRoundTrip() {
    TranslationConfig c = parse(TRANSFORMER);
    TransformerConfig t = (TransformerConfig) c.model();
    assertEquals(256, t.dModel());
    assertEquals(3, t.encoderLayers());
    assertEquals(6, t.decoderLayers());
    assertEquals(0.1, t.dropout());
    assertEquals(TransformerConfig.Norm.POST, t.norm());
    assertEquals(TransformerConfig.Tie.OUTPUT, t.tie());
    assertEquals(TrainConfig.Schedule.INVERSE_SQRT, c.train().schedule());
    assertEquals(0.98, c.train().adamBeta2());
    TranslationConfig back = TranslationConfig.parse(c.toYaml(), "resolved.yaml", List.of());
    assertEquals(c, back);
  }

  @Test
  void transformerErrorsNameTheKey() {
    assertEquals(
        "--set model.heads=3: model.heads: must divide model.dModel (256), was 3",
        error(TRANSFORMER, "model.heads=3"));
    assertEquals(
        "--set model.tie=all: model.tie: 'all' needs data.sharedVocabulary: true (one vocabulary for both"
            + " sides)",
        error(TRANSFORMER, "model.tie=all"));
    assertEquals(
        "--set train.teacherForcing=0.5: train.teacherForcing: must be 1 for a transformer (its decoder reads the whole"
            + " reference at once), was 0.5",
        error(TRANSFORMER, "train.teacherForcing=0.5"));
    assertEquals(
        TransformerConfig.Tie.ALL,
        ((TransformerConfig)
                parse(TRANSFORMER, "model.tie=all", "data.sharedVocabulary=true").model())
            .tie());
  }

  @Test
  void bpeByMergesOrByVocabularySizeNotBoth() {
    DataConfig d = parse(BASE, "data.bpeVocabulary=8000").data();
    assertEquals(8000, d.bpeVocabulary());
    assertEquals(true, d.bpe());
    assertEquals(false, parse(BASE).data().bpe());
    assertEquals(
        "--set data.bpeVocabulary=8000: data.bpeVocabulary: give data.bpeMerges or"
            + " data.bpeVocabulary, not both",
        error(BASE, "data.bpeMerges=100", "data.bpeVocabulary=8000"));
  }

  @Test
  void locationWidthIsOddAndNeedsAttention() {
    assertEquals(
        5,
        ((RnnConfig) parse(BASE, "model.attention=general", "model.locationWidth=5").model())
            .locationWidth());
    assertEquals(0, ((RnnConfig) parse(BASE).model()).locationWidth());
    assertEquals(
        "--set model.locationWidth=4: model.locationWidth: must be odd (or 0 for none), was 4",
        error(BASE, "model.attention=general", "model.locationWidth=4"));
    assertEquals(
        "--set model.locationWidth=3: model.locationWidth: needs attention (model.attention is"
            + " none)",
        error(BASE, "model.locationWidth=3"));
  }
}
