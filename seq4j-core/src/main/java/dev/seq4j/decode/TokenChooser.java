package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;

/** How step-by-step decoding picks each row's next token from its logits. */
public interface TokenChooser {

  /** The next token of each row of {@code logits} (B, V). */
  long[] choose(NDArray logits);

  /** The most probable token: {@code argmax_v logits[v]}. */
  TokenChooser ARGMAX = logits -> logits.argMax(1).toLongArray();
}
