package dev.seq4j.data.synthetic;

import java.util.Random;

/**
 * Reverse a sequence of symbols: {@code "c a d b" → "b d a c"}, lengths uniform in [min, max].
 * Symbols are the first {@code alphabet} lowercase letters, separated by spaces (word tokens).
 */
public record ReverseTask(int minLength, int maxLength, int alphabet) implements SyntheticTask {

  /** Validates the lengths and the alphabet size (1 to 26). */
  public ReverseTask {
    if (minLength < 1 || maxLength < minLength) {
      throw new IllegalArgumentException(
          "lengths must satisfy 1 <= min <= max, were " + minLength + ", " + maxLength);
    }
    if (alphabet < 1 || alphabet > 26) {
      throw new IllegalArgumentException("alphabet must be in [1, 26], was " + alphabet);
    }
  }

  @Override
  public Pair sample(Random random) {
    int n = minLength + random.nextInt(maxLength - minLength + 1);
    StringBuilder src = new StringBuilder();
    char[] symbols = new char[n];
    for (int i = 0; i < n; i++) {
      symbols[i] = (char) ('a' + random.nextInt(alphabet));
      src.append(i == 0 ? "" : " ").append(symbols[i]);
    }
    StringBuilder trg = new StringBuilder();
    for (int i = n - 1; i >= 0; i--) {
      trg.append(i == n - 1 ? "" : " ").append(symbols[i]);
    }
    return new Pair(src.toString(), trg.toString());
  }
}
