package dev.seq4j.model.attention;

import dev.seq4j.model.Parameters;

/** The test sources' own attention scores: one constant per score class, as in AttentionKind. */
enum ToyScores implements ScoreKind {
  COSINE;

  @Override
  public AttentionScore create(Parameters params, String name, int queryDim, int keyDim) {
    return new CosineScore(params, name, queryDim, keyDim);
  }
}
