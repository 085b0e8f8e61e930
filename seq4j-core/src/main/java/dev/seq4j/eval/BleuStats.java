package dev.seq4j.eval;

import java.util.Arrays;

/**
 * Sufficient statistics of corpus BLEU: clipped n-gram matches and n-gram totals per order, and the
 * hypothesis and reference lengths. Statistics of parts of a corpus add up to those of the whole.
 */
public record BleuStats(long[] correct, long[] total, long sysLength, long refLength) {

  /** Empty statistics of order {@code order}. */
  public static BleuStats zero(int order) {
    return new BleuStats(new long[order], new long[order], 0, 0);
  }

  /** The sum of two statistics. */
  public BleuStats plus(BleuStats o) {
    long[] c = correct.clone();
    long[] t = total.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += o.correct[i];
      t[i] += o.total[i];
    }
    return new BleuStats(c, t, sysLength + o.sysLength, refLength + o.refLength);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BleuStats b
        && Arrays.equals(correct, b.correct)
        && Arrays.equals(total, b.total)
        && sysLength == b.sysLength
        && refLength == b.refLength;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(correct) * 31 + Arrays.hashCode(total) + Long.hashCode(sysLength);
  }

  @Override
  public String toString() {
    return "BleuStats"
        + Arrays.toString(correct)
        + "/"
        + Arrays.toString(total)
        + " "
        + sysLength
        + "/"
        + refLength;
  }
}
