package dev.seq4j.data.batch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Masks;
import java.util.List;

/**
 * A padded batch. Rows are padded at the end with the pad id.
 *
 * <pre>
 * src    (B, S)  x_1 … x_n pad …
 * trgIn  (B, T)  bos y_1 … y_m pad …     the decoder's inputs
 * trgOut (B, T)  y_1 … y_m eos pad …     what it must predict
 * </pre>
 *
 * @param trgIn null for source-only batches
 * @param indices original positions of the rows' examples
 */
public record Batch(
    long[][] src,
    int[] srcLengths,
    long[][] trgIn,
    long[][] trgOut,
    int[] trgLengths,
    int[] indices) {

  /** Pads {@code examples} into a batch; targets get bos/eos when present. */
  public static Batch of(List<Example> examples, int padId, int bosId, int eosId) {
    int b = examples.size();
    int s = examples.stream().mapToInt(e -> e.src().length).max().orElse(0);
    long[][] src = new long[b][Math.max(s, 1)];
    int[] srcLengths = new int[b];
    int[] indices = new int[b];
    boolean withTarget = examples.stream().allMatch(e -> e.trg() != null);
    int t = withTarget ? examples.stream().mapToInt(e -> e.trg().length + 1).max().orElse(1) : 0;
    long[][] trgIn = withTarget ? new long[b][t] : null;
    long[][] trgOut = withTarget ? new long[b][t] : null;
    int[] trgLengths = withTarget ? new int[b] : null;
    for (int i = 0; i < b; i++) {
      Example e = examples.get(i);
      indices[i] = e.index();
      srcLengths[i] = e.src().length;
      java.util.Arrays.fill(src[i], padId);
      for (int j = 0; j < e.src().length; j++) {
        src[i][j] = e.src()[j];
      }
      if (withTarget) {
        int m = e.trg().length;
        java.util.Arrays.fill(trgIn[i], padId);
        java.util.Arrays.fill(trgOut[i], padId);
        trgIn[i][0] = bosId;
        for (int j = 0; j < m; j++) {
          trgIn[i][j + 1] = e.trg()[j];
          trgOut[i][j] = e.trg()[j];
        }
        trgOut[i][m] = eosId;
        trgLengths[i] = m + 1;
      }
    }
    return new Batch(src, srcLengths, trgIn, trgOut, trgLengths, indices);
  }

  /** Number of rows. */
  public int size() {
    return srcLengths.length;
  }

  /** Real (unpadded) target tokens, {@code <eos>} included. */
  public long trgTokens() {
    long n = 0;
    for (int l : trgLengths) {
      n += l;
    }
    return n;
  }

  /** Source ids (B, S) int64 on {@code manager}. */
  public NDArray srcIds(NDManager manager) {
    return manager.create(src);
  }

  /** Decoder inputs (B, T) int64. */
  public NDArray trgInIds(NDManager manager) {
    return manager.create(trgIn);
  }

  /** Decoder targets (B, T) int64. */
  public NDArray trgOutIds(NDManager manager) {
    return manager.create(trgOut);
  }

  /** Target mask (B, T): true at real positions. */
  public NDArray trgMask(NDManager manager) {
    return Masks.lengthMask(manager, trgLengths, trgOut[0].length);
  }

  /** Source mask (B, S): true at real positions. */
  public NDArray srcMask(NDManager manager) {
    return Masks.lengthMask(manager, srcLengths, src[0].length);
  }
}
