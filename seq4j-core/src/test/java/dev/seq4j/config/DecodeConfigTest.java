package dev.seq4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecodeConfigTest {
  private static DecodeConfig base() {
    return ConfigLoader.parse(
        "decode: {strategy: sample, temperature: 0.7, maxLengthRatio: 1.5, cache: false}",
        "x.yaml",
        List.of(),
        s -> DecodeConfig.read(s.section("decode")));
  }

  @Test
  void withSearchChangesTheSearchAndKeepsEverythingElse() {
    DecodeConfig base = base();
    DecodeConfig beam = base.withSearch(4, 50, 2);
    assertEquals(DecodeConfig.Strategy.BEAM, beam.strategy());
    assertEquals(4, beam.beamSize());
    assertEquals(50, beam.maxLength());
    assertEquals(2, beam.nBest());
    assertEquals(0.7, beam.temperature());
    assertEquals(1.5, beam.maxLengthRatio());
    assertEquals(false, beam.cache());
    DecodeConfig greedy = base.withSearch(1, 30, 1);
    assertEquals(DecodeConfig.Strategy.GREEDY, greedy.strategy());
    assertEquals(30, greedy.maxLength());
  }
}
