package dev.seq4j.eval;

import java.util.List;

/** Argument checks shared by the metrics. */
final class Pairs {
  private Pairs() {}

  /** Fails unless there is exactly one reference per hypothesis. */
  static void requireSameSize(List<String> hypotheses, List<String> references) {
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException(
          "hypotheses and references differ in count: "
              + hypotheses.size()
              + " vs "
              + references.size());
    }
  }
}
