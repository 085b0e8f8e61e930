package dev.seq4j.spark;

import dev.seq4j.eval.Bleu;
import dev.seq4j.eval.BleuStats;
import dev.seq4j.eval.ChrF;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Corpus BLEU and chrF of a dataset of (hypothesis, reference) rows: each partition sums its
 * sentence statistics (n-gram matches and totals, lengths; character and word n-gram counts), the
 * sums are added up on the driver, and the scores are computed once from the totals, so they equal
 * the single-machine figures exactly.
 */
public final class DistributedScore {
  private DistributedScore() {}

  /** Corpus BLEU and chrF2 (sacreBLEU's defaults). */
  public record Scores(double bleu, double chrf, long sentences) {}

  /** Summed statistics of some sentences (plain arrays: Spark ships them between JVMs). */
  static final class Totals implements Serializable {
    private static final long serialVersionUID = 1L;
    long[] correct = new long[4];
    long[] total = new long[4];
    long sysLength;
    long refLength;
    long[][] chrf;
    long sentences;

    Totals add(String hypothesis, String reference) {
      BleuStats b = Bleu.sentenceStats(hypothesis, List.of(reference));
      for (int n = 0; n < correct.length; n++) {
        correct[n] += b.correct()[n];
        total[n] += b.total()[n];
      }
      sysLength += b.sysLength();
      refLength += b.refLength();
      long[][] c = ChrF.stats(hypothesis, reference);
      if (chrf == null) {
        chrf = new long[c.length][c[0].length];
      }
      add(chrf, c);
      sentences++;
      return this;
    }

    Totals plus(Totals o) {
      Totals t = new Totals();
      for (int n = 0; n < correct.length; n++) {
        t.correct[n] = correct[n] + o.correct[n];
        t.total[n] = total[n] + o.total[n];
      }
      t.sysLength = sysLength + o.sysLength;
      t.refLength = refLength + o.refLength;
      t.sentences = sentences + o.sentences;
      for (long[][] c : new long[][][] {chrf, o.chrf}) {
        if (c != null) {
          if (t.chrf == null) {
            t.chrf = new long[c.length][c[0].length];
          }
          add(t.chrf, c);
        }
      }
      return t;
    }

    BleuStats bleu() {
      return new BleuStats(correct, total, sysLength, refLength);
    }

    private static void add(long[][] into, long[][] s) {
      for (int n = 0; n < s.length; n++) {
        for (int k = 0; k < s[n].length; k++) {
          into[n][k] += s[n][k];
        }
      }
    }
  }

  /** Scores the string columns {@code hypothesis} and {@code reference} (nulls count as ""). */
  public static Scores score(Dataset<Row> pairs, String hypothesis, String reference) {
    int h = pairs.schema().fieldIndex(hypothesis);
    int r = pairs.schema().fieldIndex(reference);
    Totals total =
        pairs
            .toJavaRDD()
            .mapPartitions(
                (Iterator<Row> rows) -> {
                  Totals t = new Totals();
                  while (rows.hasNext()) {
                    Row row = rows.next();
                    t.add(text(row, h), text(row, r));
                  }
                  return List.of(t).iterator();
                })
            .reduce(Totals::plus);
    return new Scores(
        Bleu.score(total.bleu()).score(),
        total.chrf == null ? 0 : ChrF.score(total.chrf),
        total.sentences);
  }

  private static String text(Row row, int i) {
    return row.isNullAt(i) ? "" : row.getString(i);
  }
}
