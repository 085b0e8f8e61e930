package dev.seq4j.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.config.ConfigException;
import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.RunConfig;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.model.charrnn.CharRnnConfig;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.translate.TranslationConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code task: classify | generate} YAML onto {@link NamesConfig}. */
class NamesConfigTest {
  private static final String CLASSIFY =
      """
      task: classify
      data: {folder: names}
      model: {cell: lstm, hidden: 32, bidirectional: true, dropout: 0.2}
      train: {epochs: 3, metric: accuracy, classWeights: balanced}
      """;

  private static RunConfig parse(String yaml, String... overrides) {
    return ConfigLoader.parse(
        yaml,
        "n.yaml",
        List.of(overrides),
        s ->
            RunConfig.task(s) == RunConfig.Task.TRANSLATE
                ? TranslationConfig.read(s)
                : NamesConfig.read(s));
  }

  private static String error(String yaml, String... overrides) {
    return assertThrows(ConfigException.class, () -> parse(yaml, overrides)).getMessage();
  }

  @Test
  void readsAClassifierWithDefaults() {
    NamesConfig c = assertInstanceOf(NamesConfig.class, parse(CLASSIFY));
    assertEquals(RunConfig.Task.CLASSIFY, c.task());
    assertEquals("names-classifier", c.name());
    assertEquals(new NamesConfig.Data("names", 0.70, 0.15, 42, false), c.data());
    CharRnnConfig m = c.model();
    assertEquals(CellType.LSTM, m.cell());
    assertEquals(64, m.embedding(), "default");
    assertEquals(32, m.hidden());
    assertEquals(1, m.layers(), "default");
    assertTrue(m.bidirectional());
    assertEquals(128, m.mlpHidden(), "default");
    assertEquals(0.2, m.dropout());
    assertFalse(m.conditioned(), "default");
    assertEquals(NamesConfig.ClassWeights.BALANCED, c.classWeights());
    assertEquals(TrainConfig.Metric.ACCURACY, c.train().metric());
    assertEquals(3, c.train().epochs());
  }

  @Test
  void resolvedConfigRoundTrips() {
    NamesConfig c =
        (NamesConfig)
            parse(CLASSIFY, "data.splitSeed=7", "model.layers=2", "data.folder=\"my names\"");
    assertEquals(c, parse(c.toYaml()));
    NamesConfig g =
        (NamesConfig)
            parse("task: generate\ndata: {folder: n}\nmodel: {conditioned: true, cell: gru}\n");
    assertEquals(g, parse(g.toYaml()));
    assertEquals(RunConfig.Task.GENERATE, g.task());
  }

  @Test
  void translationIsTheDefaultTaskAndTheOnlyOneLoadAccepts() {
    String translation = "data: {train: t, src: de, trg: en}\nmodel: {type: rnn}\n";
    assertInstanceOf(TranslationConfig.class, parse(translation));
    assertInstanceOf(TranslationConfig.class, parse("task: translate\n" + translation));
    assertEquals(
        "n.yaml: task is 'classify', not a translation experiment (names models are used with"
            + " seq4j classify and seq4j generate)",
        assertThrows(
                ConfigException.class, () -> TranslationConfig.parse(CLASSIFY, "n.yaml", List.of()))
            .getMessage());
  }

  @Test
  void aTranslationIsNotANamesExperiment() {
    assertEquals(
        "n.yaml: task is 'translate', not a names experiment (names models need task classify or"
            + " generate)",
        assertThrows(
                ConfigException.class,
                () ->
                    NamesConfig.parse("data: {train: t, src: de, trg: en}\n", "n.yaml", List.of()))
            .getMessage());
  }

  @Test
  void errorsNameTheKey() {
    assertEquals(
        "n.yaml:1: task: must be one of translate, classify, generate, was 'tag'",
        error("task: tag\n"));
    assertEquals("n.yaml: data.folder: required", error("task: classify\ndata: {}\n"));
    assertEquals(
        "n.yaml:3: unknown key 'model.attention' (allowed: cell, embedding, hidden, layers,"
            + " bidirectional, mlpHidden, dropout, conditioned)",
        error(CLASSIFY, "model.attention=dot").replace("--set model.attention=dot", "n.yaml:3"));
    assertEquals(
        "n.yaml:4: train.metric: must be loss or accuracy for names models, was bleu",
        error(CLASSIFY.replace("metric: accuracy", "metric: bleu")));
    assertEquals(
        "n.yaml:3: model.bidirectional: a generator reads names left to right: must be false for"
            + " task generate",
        error(CLASSIFY.replace("classify", "generate").replace(", classWeights: balanced", "")));
    assertEquals(
        "n.yaml:4: train.classWeights: only the classifier (task classify) weighs classes",
        error(
            CLASSIFY.replace("classify", "generate").replace("bidirectional: true", "layers: 1")));
    assertEquals(
        "n.yaml:3: model.conditioned: only a generator is conditioned on the nationality (task"
            + " generate)",
        error(CLASSIFY.replace("dropout: 0.2", "conditioned: true")));
    assertEquals(
        "n.yaml:2: data.validShare: trainShare + validShare must be below 1 (the rest is the test"
            + " split), were 0.9 + 0.1",
        error(
            CLASSIFY.replace(
                "{folder: names}", "{folder: names, trainShare: 0.9, validShare: 0.1}")));
  }
}
