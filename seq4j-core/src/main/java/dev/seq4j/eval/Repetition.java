package dev.seq4j.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The failure mode of the source document's translator ("I think I think I think …"): the share of
 * outputs in which some n-gram of words, 1 ≤ n ≤ {@value #MAX_N}, occurs {@value #MIN_COUNT} or
 * more times. Words are the 13a tokens (sacreBLEU's default tokenisation) that contain a letter or
 * a digit, so punctuation does not count. Score the references with it too: long natural sentences
 * repeat "the" or "a" as well, and that rate is the baseline.
 */
public final class Repetition {
  /** Longest n-gram looked at. */
  public static final int MAX_N = 4;

  /** Occurrences that make a repetition. */
  public static final int MIN_COUNT = 3;

  private Repetition() {}

  /** Fraction of {@code texts} that repeat, in [0, 1]; 0 for no texts. */
  public static double share(List<String> texts) {
    if (texts.isEmpty()) {
      return 0;
    }
    int repeating = 0;
    for (String t : texts) {
      if (repeats(t)) {
        repeating++;
      }
    }
    return repeating / (double) texts.size();
  }

  /** Whether some n-gram of {@code text}'s words occurs {@value #MIN_COUNT} or more times. */
  public static boolean repeats(String text) {
    List<String> words = new ArrayList<>();
    for (String t : Tokenizer13a.tokenize(text)) {
      if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
        words.add(t);
      }
    }
    for (int n = 1; n <= MAX_N; n++) {
      Map<List<String>, Integer> counts = new HashMap<>();
      for (int i = 0; i + n <= words.size(); i++) {
        if (counts.merge(words.subList(i, i + n), 1, Integer::sum) >= MIN_COUNT) {
          return true;
        }
      }
    }
    return false;
  }
}
