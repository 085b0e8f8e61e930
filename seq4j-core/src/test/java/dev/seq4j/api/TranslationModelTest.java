package dev.seq4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.config.DecodeConfig;
import dev.seq4j.model.StepOptions;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loading and translating through the API, against the command line's path. */
class TranslationModelTest {
  private static final DecodeOptions BEAM = DecodeOptions.builder().beam(4).nBest(3).build();
  private static Path run;
  private static TranslationModel model;

  @BeforeAll
  static void load() throws IOException {
    run = TinyModels.translation().result().runDir();
    model = TranslationModel.load(run);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** What {@code seq4j translate --model RUN} prints for {@code sources}. */
  private static List<String> cliOutput(List<String> sources) throws IOException {
    try (TranslationBundle bundle = TranslationBundle.load(run, List.of())) {
      DecodeConfig decode = bundle.config().decode();
      Translator t = new Translator(bundle, decode, StepOptions.cached(decode.cache()));
      return t.translate(sources, false, false, Translator.Origin.LINES).stream()
          .map(Translator.Translation::text)
          .toList();
    }
  }

  @Test
  void translationsEqualTheCommandLines() throws IOException {
    List<String> sources = new ArrayList<>(TinyModels.sources(30, 11));
    sources.add(3, "   ");
    List<Translation> out = model.translate(sources);
    assertEquals(cliOutput(sources), out.stream().map(Translation::text).toList());
    assertEquals(Translation.FinishReason.EMPTY_INPUT, out.get(3).finishReason());
    assertEquals("", out.get(3).text());
    assertEquals(out.get(0), model.translate(sources.get(0)));
  }

  @Test
  void theDefaultsAreTheSavedSettings() {
    DecodeOptions d = model.defaultOptions();
    assertEquals(DecodeOptions.Strategy.GREEDY, d.strategy());
    assertEquals(4, d.beamSize(), "decode.beamSize=4 was set when training");
    assertEquals(100, d.maxLength());
    assertTrue(model.hasAttention());
  }

  @Test
  void beamSearchListsTheNBestBestFirst() {
    for (Translation t : model.translate(TinyModels.sources(10, 12), BEAM)) {
      assertEquals(3, t.candidates().size());
      assertEquals(t.text(), t.candidates().get(0).text());
      assertEquals(t.score(), t.candidates().get(0).score());
      for (int i = 1; i < 3; i++) {
        assertTrue(
            t.candidates().get(i - 1).score() >= t.candidates().get(i).score(), t.toString());
      }
      assertTrue(t.score() < 0, "a log-probability: " + t.score());
    }
    Translation greedy = model.translate(List.of("a b c"), model.defaultOptions()).get(0);
    assertEquals(1, greedy.candidates().size());
    assertTrue(Double.isNaN(greedy.score()));
  }

  @Test
  void attentionIsOneRowPerTargetTokenOverTheSourceTokens() {
    DecodeOptions withAttention = DecodeOptions.builder().attention(true).build();
    for (Translation t : model.translate(TinyModels.sources(5, 13), withAttention)) {
      float[][] a = t.attention();
      assertEquals(t.targetTokens().size(), a.length);
      for (float[] row : a) {
        assertEquals(t.sourceTokens().size(), row.length);
        double sum = 0;
        for (float w : row) {
          sum += w;
        }
        assertEquals(1.0, sum, 1e-4);
      }
    }
    assertNull(model.translate(List.of("a b")).get(0).attention(), "only on request");
  }

  @Test
  void theLengthCapIsReportedAsTheFinishReason() {
    DecodeOptions one = DecodeOptions.builder().maxLength(1).build();
    Translation t = model.translate(List.of("a b c d"), one).get(0);
    assertEquals(1, t.targetTokens().size());
    assertEquals(Translation.FinishReason.MAX_LENGTH, t.finishReason());
  }

  @Test
  void streamsAndIteratorsGiveTheListsOutputsInOrder() {
    List<String> sources = TinyModels.sources(TranslationModel.CHUNK + 7, 14);
    List<String> expected = model.translate(sources, BEAM).stream().map(Translation::text).toList();
    try (Stream<Translation> s = model.translate(sources.stream(), BEAM)) {
      assertEquals(expected, s.map(Translation::text).toList());
    }
    List<String> viaIterator = new ArrayList<>();
    model.translate(sources.iterator(), BEAM).forEachRemaining(t -> viaIterator.add(t.text()));
    assertEquals(expected, viaIterator);
  }

  @Test
  void eightThreadsGetWhatOneThreadGets() throws Exception {
    List<List<String>> inputs = new ArrayList<>();
    List<List<Translation>> alone = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      inputs.add(TinyModels.sources(20, 100 + i));
      alone.add(model.translate(inputs.get(i), BEAM));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<List<Translation>>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          List<String> in = inputs.get(i);
          futures.add(pool.submit(() -> model.translate(in, BEAM)));
        }
        for (int i = 0; i < 8; i++) {
          List<Translation> got = futures.get(i).get();
          for (int k = 0; k < got.size(); k++) {
            assertEquals(alone.get(i).get(k).candidates(), got.get(k).candidates());
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void evaluationScoresTheGreedyOutput() {
    List<String> sources = List.of("a b c", "d e", "f a b");
    List<String> refs = List.of("c b a", "e d", "b a f");
    Evaluation e = model.evaluate(sources, refs);
    assertEquals(3, e.sentences());
    assertEquals(model.translate(sources).stream().map(Translation::text).toList(), e.hypotheses());
    assertTrue(e.bleu() >= 0 && e.bleu() <= 100, "bleu " + e.bleu());
    assertTrue(e.chrf() >= 0 && e.chrf() <= 100, "chrf " + e.chrf());
    assertTrue(e.perplexity() >= 1, "perplexity " + e.perplexity());
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> model.evaluate(sources, List.of("x")));
    assertEquals("sources and references differ in count: 3 vs 1", ex.getMessage());
  }

  @Test
  void aClosedModelRefusesWork() throws IOException {
    TranslationModel m = TranslationModel.load(run);
    m.close();
    m.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> m.translate(List.of("a")));
    assertEquals("the model is closed", e.getMessage());
  }

  @Test
  void tokensAreKept() {
    Translation t = model.translate(List.of("a b c")).get(0);
    assertEquals(List.of("a", "b", "c"), t.sourceTokens());
    assertArrayEquals(
        t.text().split(" "), t.targetTokens().toArray(new String[0]), "word tokens, joined");
  }
}
