package dev.seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepetitionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "I think I think I think.|true",
        "no, no, no!|true",
        "the cat saw the dog and the bird|true",
        "I think I think.|false",
        "a b c d a b c d|false",
        "a b c d a b c d a b c d|true",
        "... ... ... !!!|false",
        "|false",
      })
  void repeatsWhenAWordNgramOccursThreeTimes(String text, boolean repeats) {
    assertEquals(repeats, Repetition.repeats(text == null ? "" : text));
  }

  @org.junit.jupiter.api.Test
  void shareCountsRepeatingOutputs() {
    assertEquals(
        0.5,
        Repetition.share(List.of("I think I think I think", "Open the file", "go go go", "ok")));
    assertEquals(0, Repetition.share(List.of()));
  }
}
