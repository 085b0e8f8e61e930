package dev.seq4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The options' defaults, builder and validation messages. */
class DecodeOptionsTest {
  private static void fails(String message, Executable e) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  @Test
  void theBuilderStartsFromGreedySearch() {
    assertEquals(
        new DecodeOptions(DecodeOptions.Strategy.GREEDY, 5, 1, 100, 0.6, false),
        DecodeOptions.builder().build());
    DecodeOptions beam = DecodeOptions.builder().beam(8).nBest(4).lengthPenalty(1).build();
    assertEquals(DecodeOptions.Strategy.BEAM, beam.strategy());
    assertEquals(8, beam.beamSize());
    assertEquals(beam, beam.toBuilder().build());
    assertEquals(
        DecodeOptions.Strategy.GREEDY, beam.toBuilder().nBest(1).greedy().build().strategy());
  }

  @Test
  void eachInvalidSettingIsNamed() {
    fails("beamSize must be in [1, 256], was 0", () -> DecodeOptions.builder().beam(0).build());
    fails("beamSize must be in [1, 256], was 300", () -> DecodeOptions.builder().beam(300).build());
    fails("nBest must be >= 1, was 0", () -> DecodeOptions.builder().nBest(0).build());
    fails(
        "nBest must be 1 with greedy decoding, was 2 (use beam search)",
        () -> DecodeOptions.builder().nBest(2).build());
    fails(
        "nBest must be <= beamSize (3), was 4",
        () -> DecodeOptions.builder().beam(3).nBest(4).build());
    fails(
        "maxLength must be in [1, 100000], was 0",
        () -> DecodeOptions.builder().maxLength(0).build());
    fails(
        "lengthPenalty must be finite and >= 0, was -1.0",
        () -> DecodeOptions.builder().lengthPenalty(-1).build());
    fails(
        "lengthPenalty must be finite and >= 0, was NaN",
        () -> DecodeOptions.builder().lengthPenalty(Double.NaN).build());
    fails(
        "strategy must be GREEDY or BEAM, was null",
        () -> DecodeOptions.builder().strategy(null).build());
  }
}
