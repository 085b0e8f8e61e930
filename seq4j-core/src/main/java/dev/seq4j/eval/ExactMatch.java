package dev.seq4j.eval;

import java.util.List;

/** Share of hypotheses identical to their reference (to one of their references). */
public final class ExactMatch {
  private ExactMatch() {}

  /** Fraction in [0, 1]; 0 for empty input. */
  public static double of(List<String> hypotheses, List<String> references) {
    return ofAny(hypotheses, List.of(references));
  }

  /** Fraction of hypotheses equal to one of their references; 0 for empty input. */
  public static double ofAny(List<String> hypotheses, List<List<String>> referenceStreams) {
    for (List<String> r : referenceStreams) {
      Pairs.requireSameSize(hypotheses, r);
    }
    if (hypotheses.isEmpty()) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < hypotheses.size(); i++) {
      final int k = i;
      if (referenceStreams.stream().anyMatch(r -> r.get(k).equals(hypotheses.get(k)))) {
        same++;
      }
    }
    return same / (double) hypotheses.size();
  }
}
