package dev.seq4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  private static DecodeConfig read(String yaml) {
    return ConfigLoader.parse(
        yaml, "x.yaml", List.of(), s -> DecodeConfig.read(s.section("decode")));
  }

  @Test
  void aMinimumLengthOverTheMaximumIsAnErrorNamingBothKeys() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> read("decode: {maxLength: 10,\n  minLength: 20}"));
    assertEquals(
        "x.yaml:2: decode.minLength: must be <= decode.maxLength (10), was 20", e.getMessage());
    InvalidSetting direct =
        assertThrows(
            InvalidSetting.class, () -> read("decode: {minLength: 8}").withSearch(1, 5, 1));
    assertEquals("decode.minLength: must be <= decode.maxLength (5), was 8", direct.getMessage());
  }

  @Test
  void inputBoundsDefaultToAnErrorOver1024Tokens() {
    DecodeConfig d = read("decode: {}");
    assertEquals(1024, d.maxInputTokens());
    assertEquals(DecodeConfig.Overlong.ERROR, d.overlong());
    DecodeConfig t = read("decode: {maxInputTokens: 50, overlong: truncate}");
    assertEquals(50, t.maxInputTokens());
    assertEquals(DecodeConfig.Overlong.TRUNCATE, t.overlong());
    assertThrows(ConfigException.class, () -> read("decode: {overlong: drop}"));
    assertThrows(ConfigException.class, () -> read("decode: {maxInputTokens: 0}"));
  }
}
