package dev.seq4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialTokensTest {

  @Test
  void presetsListTheirTokensInIdOrder() {
    assertEquals(
        List.of("<pad>", "<unk>", "<bos>", "<eos>"), SpecialTokens.translation().tokensInOrder());
    assertEquals(List.of("<sos>", "<eos>", "<pad>", "<unk>"), SpecialTokens.seed().tokensInOrder());
    assertEquals(
        List.of("<MASK>", "<UNK>", "<BEGIN>", "<END>"), SpecialTokens.characters().tokensInOrder());
  }

  @Test
  void fromCodeTheErrorsNameTheYamlKey() {
    InvalidSetting e =
        assertThrows(
            InvalidSetting.class,
            () ->
                new SpecialTokens("<p>", "<u>", "<b>", "<e>", List.of("pad", "pad", "bos", "eos")));
    assertEquals(
        "data.specials.order: must list each of pad, unk, bos, eos once, was [pad, pad, bos, eos]",
        e.getMessage());
    e =
        assertThrows(
            InvalidSetting.class,
            () ->
                new SpecialTokens("<p>", "<p>", "<b>", "<e>", List.of("pad", "unk", "bos", "eos")));
    assertEquals(
        "data.specials.pad: the four special tokens must be distinct and non-empty, were"
            + " [<p>, <p>, <b>, <e>]",
        e.getMessage());
  }

  @Test
  void anUnknownRoleIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpecialTokens.seed().token("sep"));
    assertEquals("unknown role 'sep'", e.getMessage());
  }
}
