package dev.seq4j.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.seq4j.config.SpecialTokens;
import dev.seq4j.tokenize.Bpe;
import dev.seq4j.tokenize.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a translation keeps of the attention: every Transformer layer, and source order. */
class TranslatorAttentionTest {
  private static final List<String> SYMBOLS = List.of("a", "b", "c", "d", "e", "f");

  /** An untrained model (seeded, so two bundles of one config have the same weights). */
  private static TranslationBundle bundle(String model, String... overrides) {
    String yaml =
        "seed: 3\ndata: {train: t, valid: v, src: src, trg: trg}\nmodel: "
            + model
            + "\ntrain: {epochs: 1}\ndecode: {maxLength: 6}\n";
    TranslationConfig config = TranslationConfig.parse(yaml, "t.yaml", List.of(overrides));
    Map<String, Long> counts = new LinkedHashMap<>();
    SYMBOLS.forEach(s -> counts.put(s, 1L));
    Vocabulary v = Vocabulary.fromCounts(counts, SpecialTokens.translation(), 1, 100);
    return TranslationBundle.create(config, v, v);
  }

  private static final String TRANSFORMER =
      "{type: transformer, dModel: 16, heads: 2, ffn: 32, encoderLayers: 3, decoderLayers: 2,"
          + " maxPositions: 32, tie: none}";

  /**
   * Makes {@code <eos>} impossible, so that every output runs to decode.maxLength, and the other
   * specials too, so that no output token is left out of the text.
   */
  private static TranslationBundle endless(TranslationBundle b) {
    NDArray bias = b.parameters().get("output.bias");
    float[] values = bias.toFloatArray();
    Vocabulary v = b.trgVocabulary();
    for (int special : new int[] {v.eosId(), v.bosId(), v.padId()}) {
      values[special] = -1e4f;
    }
    bias.set(values);
    return b;
  }

  @Test
  void layersOfATransformerHaveEveryLayerAndHeadAndTheDefaultViewIsTheirMean() {
    for (String strategy : List.of("greedy", "beam")) {
      try (TranslationBundle b = endless(bundle(TRANSFORMER, "decode.strategy=" + strategy))) {
        Translator translator = new Translator(b, b.config().decode());
        List<Translator.Translation> out =
            translator.translate(
                List.of("a b c d", "", "f e"),
                Translator.Attention.LAYERS,
                false,
                Translator.Origin.LINES,
                () -> false);
        assertNull(out.get(1).layers(), "an empty line has no attention");
        for (Translator.Translation t : List.of(out.get(0), out.get(2))) {
          int s = t.sourceTokens().size();
          int n = t.targetTokens().size();
          assertEquals(6, n, strategy + ": decode.maxLength tokens");
          AttentionLayers layers = t.layers();
          List<String> input = new ArrayList<>(List.of("<bos>"));
          input.addAll(t.targetTokens());
          assertEquals(input, layers.decoderInput());
          assertEquals(3, layers.encoderSelf().length);
          assertEquals(2, layers.decoderSelf().length);
          assertEquals(2, layers.cross().length);
          for (float[][][] layer : layers.encoderSelf()) {
            assertShape(layer, 2, s, s);
          }
          for (float[][][] layer : layers.decoderSelf()) {
            assertShape(layer, 2, n + 1, n + 1);
            assertEquals(0f, layer[1][0][1], 0f, "causal");
          }
          for (float[][][] layer : layers.cross()) {
            assertShape(layer, 2, n, s);
          }
          float[][] mean = AttentionLayers.meanOfHeads(layers.cross()[1]);
          for (int row = 0; row < n; row++) {
            assertArrayEquals(t.attention()[row], mean[row], 1e-5f, strategy + " row " + row);
          }
        }
        Translator.Translation plain = translator.translate(List.of("a b c d"), true, false).get(0);
        assertNull(plain.layers(), "only asked for with Attention.LAYERS");
        assertEquals(out.get(0).text(), plain.text());
      }
    }
  }

  /** An output as long as the model has positions: its last token has none to be read at. */
  @Test
  void anOutputOfMaxPositionsTokensLeavesOutItsLastDecoderPosition() {
    String small = TRANSFORMER.replace("maxPositions: 32", "maxPositions: 6");
    try (TranslationBundle b = endless(bundle(small))) {
      Translator.Translation t =
          new Translator(b, b.config().decode())
              .translate(
                  List.of("a b c"),
                  Translator.Attention.LAYERS,
                  false,
                  Translator.Origin.LINES,
                  () -> false)
              .get(0);
      assertEquals(6, t.targetTokens().size(), "decode.maxLength = model.maxPositions");
      AttentionLayers layers = t.layers();
      assertEquals(6, layers.decoderInput().size(), "<bos> and the first five tokens");
      assertEquals(t.targetTokens().subList(0, 5), layers.decoderInput().subList(1, 6));
      assertShape(layers.decoderSelf()[0], 2, 6, 6);
      assertShape(layers.cross()[1], 2, 6, 3);
    }
  }

  /** {@code [heads][rows][columns]}, every row summing to 1. */
  private static void assertShape(float[][][] maps, int heads, int rows, int columns) {
    assertEquals(heads, maps.length);
    for (float[][] head : maps) {
      assertEquals(rows, head.length);
      for (float[] row : head) {
        assertEquals(columns, row.length);
        double sum = 0;
        for (float w : row) {
          sum += w;
        }
        assertEquals(1, sum, 1e-5);
      }
    }
  }

  @Test
  void anRnnHasNoLayers() {
    try (TranslationBundle b =
        bundle("{type: rnn, cell: gru, embedding: 8, hidden: 16, attention: dot}")) {
      Translator.Translation t =
          new Translator(b, b.config().decode())
              .translate(
                  List.of("a b"),
                  Translator.Attention.LAYERS,
                  false,
                  Translator.Origin.LINES,
                  () -> false)
              .get(0);
      assertNull(t.layers());
      assertTrue(t.attention().length > 0, "it has its one attention");
    }
  }

  /**
   * With BPE (no merges: every word split into its letters) and a model that writes nothing but
   * {@code <unk>}, --replace-unk writes whole source words: never a piece, never a piece glued to
   * the next copy.
   */
  @Test
  void replaceUnkCopiesWholeWordsThroughBpe() {
    String yaml =
        "seed: 3\ndata: {train: t, valid: v, src: src, trg: trg, bpeMerges: 1}\n"
            + "model: {type: rnn, cell: gru, embedding: 8, hidden: 16, attention: dot}\n"
            + "train: {epochs: 1}\ndecode: {maxLength: 6}\n";
    TranslationConfig config = TranslationConfig.parse(yaml, "t.yaml", List.of());
    Map<String, Long> counts = new LinkedHashMap<>();
    List.of("a@@", "b@@", "c@@", "d@@", "a", "b", "c", "d").forEach(p -> counts.put(p, 1L));
    Vocabulary v = Vocabulary.fromCounts(counts, SpecialTokens.translation(), 1, 100);
    Bpe letters = new Bpe(List.of());
    try (TranslationBundle b = TranslationBundle.create(config, v, v, letters, letters)) {
      NDArray bias = b.parameters().get("output.bias");
      float[] values = bias.toFloatArray();
      values[v.id(v.unk())] = 1e4f; // only <unk>
      bias.set(values);
      Translator.Translation t =
          new Translator(b, b.config().decode()).translate(List.of("abc dd"), true, true).get(0);
      assertEquals(List.of("a@@", "b@@", "c", "d@@", "d"), t.sourceTokens());
      assertEquals(6, t.targetTokens().size());
      String[] words = t.text().split(" ");
      assertEquals(6, words.length, t.text());
      for (String w : words) {
        assertTrue(w.equals("abc") || w.equals("dd"), t.text());
      }
    }
  }

  /**
   * A model that reads its source reversed translates "a b c d e" as the same weights without the
   * reversal translate "e d c b a"; its attention and the words --replace-unk copies are those of
   * the real source words (beam search, so that beams are selected and reordered).
   */
  @Test
  void aReversedSourceModelAttendsAndCopiesInSourceOrder() {
    String rnn = "{type: rnn, cell: lstm, embedding: 8, hidden: 16, attention: general%s}";
    String[] beam = {"decode.strategy=beam", "decode.beamSize=3"};
    try (TranslationBundle reversed = bundle(String.format(rnn, ", reverseSource: true"), beam);
        TranslationBundle plain = bundle(String.format(rnn, ""), beam)) {
      Translator.Translation r =
          new Translator(reversed, reversed.config().decode())
              .translate(List.of("a b c d e"), true, false)
              .get(0);
      Translator.Translation p =
          new Translator(plain, plain.config().decode())
              .translate(List.of("e d c b a"), true, false)
              .get(0);
      assertEquals(p.text(), r.text());
      int n = r.targetTokens().size();
      assertTrue(n > 0);
      List<String> unks = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        for (int i = 0; i < 5; i++) {
          assertEquals(p.attention()[t][4 - i], r.attention()[t][i], 1e-6f);
        }
        unks.add("<unk>");
      }
      List<String> copied =
          UnknownWords.replace(unks, "<unk>", r.sourceTokens(), r.attention(), false);
      assertEquals(
          UnknownWords.replace(unks, "<unk>", p.sourceTokens(), p.attention(), false), copied);
      assertTrue(Math.abs(r.attention()[0][0] - r.attention()[0][4]) > 1e-4, "not symmetric");
    }
  }
}
