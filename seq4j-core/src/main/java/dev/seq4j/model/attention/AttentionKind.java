package dev.seq4j.model.attention;

import dev.seq4j.model.Parameters;

/**
 * The attention scores a recurrent model's {@code model.attention} names (their YAML names come
 * from the constants through {@code config.Choices}); {@link #NONE} is the plain encoder–decoder.
 * Each constant carries the factory of its score: a new score is its class and one constant here.
 */
public enum AttentionKind implements ScoreKind {
  /** No attention. */
  NONE(null, false),
  /** {@link DotScore}, unscaled. */
  DOT((p, name, q, k) -> new DotScore(false), true),
  /** {@link GeneralScore}, unscaled. */
  GENERAL((p, name, q, k) -> new GeneralScore(p, name, q, k, false), false),
  /** {@link ConcatScore} with an attention size equal to the query's. */
  CONCAT((p, name, q, k) -> new ConcatScore(p, name, q, k, q), false),
  /** {@link AdditiveScore} with an attention size equal to the query's. */
  ADDITIVE((p, name, q, k) -> new AdditiveScore(p, name, q, k, q), false);

  private final ScoreKind factory;
  private final boolean equalSizes;

  AttentionKind(ScoreKind factory, boolean equalSizes) {
    this.factory = factory;
    this.equalSizes = equalSizes;
  }

  @Override
  public AttentionScore create(Parameters params, String name, int queryDim, int keyDim) {
    return factory == null ? null : factory.create(params, name, queryDim, keyDim);
  }

  @Override
  public boolean needsEqualSizes() {
    return equalSizes;
  }
}
