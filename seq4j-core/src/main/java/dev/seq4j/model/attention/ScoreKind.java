package dev.seq4j.model.attention;

import dev.seq4j.model.Parameters;

/**
 * A choice of attention score, as a model's configuration names it: it makes the score for given
 * query and key sizes. {@link AttentionKind} holds the built-in scores (and {@code NONE}); a test
 * or an extension may implement this interface with its own enum.
 */
public interface ScoreKind {

  /**
   * A new score for queries of size {@code queryDim} over keys of size {@code keyDim}, registering
   * its parameters as {@code NAME.*} in {@code params}; null for no attention.
   */
  AttentionScore create(Parameters params, String name, int queryDim, int keyDim);

  /** Whether queries and keys must have the same size (the score compares them directly). */
  default boolean needsEqualSizes() {
    return false;
  }
}
