package dev.seq4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {
  private final CharTokenizer tok = new CharTokenizer(false);

  @Test
  void oneTokenPerCodePointWithSpaceSymbol() {
    assertEquals(List.of("a", "▁", "한", "😀"), tok.tokenize("a 한😀"));
    assertEquals("a 한😀", tok.detokenize(tok.tokenize("a 한😀")));
  }

  @Test
  void nfdInputIsComposed() {
    assertEquals(List.of("é"), tok.tokenize("e\u0301"));
  }
}
