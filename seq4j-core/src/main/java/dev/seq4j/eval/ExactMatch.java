package dev.seq4j.eval;

import java.util.List;

/** Share of hypotheses identical to their reference. */
public final class ExactMatch {
  private ExactMatch() {}

  /** Fraction in [0, 1]; 0 for empty input. */
  public static double of(List<String> hypotheses, List<String> references) {
    Pairs.requireSameSize(hypotheses, references);
    if (hypotheses.isEmpty()) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < hypotheses.size(); i++) {
      if (hypotheses.get(i).equals(references.get(i))) {
        same++;
      }
    }
    return same / (double) hypotheses.size();
  }
}
