package dev.seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExactMatchTest {
  @Test
  void shareOfHypothesesEqualToTheirReference() {
    assertEquals(0.5, ExactMatch.of(List.of("a b", "c"), List.of("a b", "C")));
    assertEquals(0, ExactMatch.of(List.of(), List.of()));
  }

  @Test
  void withSeveralReferencesAnyOfThemCounts() {
    assertEquals(
        1.0,
        ExactMatch.ofAny(List.of("a b", "c"), List.of(List.of("a b", "x"), List.of("y", "c"))));
  }
}
