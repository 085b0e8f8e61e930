package dev.seq4j.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq4j.config.SpecialTokens;
import dev.seq4j.tokenize.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The evaluator bounds its teacher-forced pass as the translator bounds decoding. */
class EvaluatorTest {
  private static final List<String> SYMBOLS = List.of("a", "b", "c", "d", "e");

  /** An untrained model (the figures only need to be the same function of what it sees). */
  private static TranslationBundle bundle(String... overrides) {
    String yaml =
        "seed: 3\ndata: {train: t, valid: v, src: src, trg: trg}\n"
            + "model: {type: rnn, cell: gru, embedding: 8, hidden: 16, attention: dot}\n"
            + "train: {epochs: 1}\n"
            + "decode: {maxInputTokens: 8}\n";
    TranslationConfig config = TranslationConfig.parse(yaml, "t.yaml", List.of(overrides));
    Map<String, Long> counts = new LinkedHashMap<>();
    SYMBOLS.forEach(s -> counts.put(s, 1L));
    Vocabulary v = Vocabulary.fromCounts(counts, SpecialTokens.translation(), 1, 100);
    return TranslationBundle.create(config, v, v);
  }

  /** {@code n} symbols, space-separated. */
  private static String line(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> SYMBOLS.get(i * 7 % SYMBOLS.size()))
        .collect(Collectors.joining(" "));
  }

  @Test
  void anOverlongSourceIsCutForTheTeacherForcedPassToo() {
    try (TranslationBundle b = bundle("decode.overlong=truncate")) {
      List<String> refs = List.of("a b c", "d e");
      Evaluator.Result whole = new Evaluator(b, List.of("a b", line(3000)), refs).run();
      Evaluator.Result cut = new Evaluator(b, List.of("a b", line(8)), refs).run();
      // before: the 3,000-token line went whole into the teacher-forced pass
      assertEquals(cut.loss(), whole.loss());
      assertEquals(cut.accuracy(), whole.accuracy());
      assertEquals(cut.hypotheses(), whole.hypotheses());
    }
  }

  @Test
  void anOverlongSourceIsAnErrorBeforeAnythingRunsUnderError() {
    try (TranslationBundle b = bundle()) {
      Translator.InputTooLong e =
          assertThrows(
              Translator.InputTooLong.class,
              () ->
                  new Evaluator(
                      b,
                      List.of("a b", line(3000)),
                      List.of("a", "b"),
                      new Translator.Origin("--src valid.src", 1),
                      Evaluator.ReferenceCase.MODEL));
      assertEquals(
          "--src valid.src, line 2: 3000 source tokens, over decode.maxInputTokens (8); shorten"
              + " it or set decode.overlong=truncate",
          e.getMessage());
    }
  }
}
