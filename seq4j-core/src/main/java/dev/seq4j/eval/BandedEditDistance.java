package dev.seq4j.eval;

import java.util.Arrays;

/**
 * Word-level Levenshtein distance from a hypothesis to a fixed reference, computed as Tercom and
 * sacreBLEU do: every edit costs 1, and row {@code i} (hypothesis words 1..i) is filled only in a
 * band of ±{@value #BEAM_WIDTH} columns around the pseudo-diagonal {@code j = ⌊i · |ref| / |hyp|⌋}
 * (wider when the lengths differ a lot); the last row is filled whole. Cells outside the band cost
 * "infinity". Ties prefer match/substitution, then dropping a hypothesis word, then inserting a
 * reference word, which fixes the alignment that the shift search reads.
 *
 * <pre>
 * d[0][j] = j
 * d[i][j] = min(d[i-1][j-1] + [h_i ≠ r_j],  d[i-1][j] + 1,  d[i][j-1] + 1)
 * </pre>
 *
 * <p>All hypotheses given to one instance have the same length (shifts only reorder words), so the
 * band is the same for all of them and rows of a shared prefix can be reused.
 */
final class BandedEditDistance {
  static final int BEAM_WIDTH = 25;
  private static final int INFINITY = Integer.MAX_VALUE / 2;

  /** The edit that reached a cell, read from the hypothesis to the reference. */
  enum Edit {
    MATCH,
    SUBSTITUTE,
    /** A hypothesis word with no reference counterpart. */
    DROP_HYP,
    /** A reference word with no hypothesis counterpart. */
    INSERT_REF,
    /** Outside the band. */
    NONE
  }

  /** The filled table: {@code cost[i][j]} and the edit that reached each cell. */
  record Table(int[][] cost, Edit[][] edit) {
    int distance() {
      int[] last = cost[cost.length - 1];
      return last[last.length - 1];
    }
  }

  private final String[] ref;
  private final int hypLength;
  private final double lengthRatio;
  private final int beamWidth;

  BandedEditDistance(String[] ref, int hypLength) {
    this.ref = ref;
    this.hypLength = hypLength;
    this.lengthRatio = hypLength == 0 ? 1 : ref.length / (double) hypLength;
    this.beamWidth =
        BEAM_WIDTH < lengthRatio / 2 ? (int) Math.ceil(lengthRatio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
  }

  /** The whole table of {@code hyp}. */
  Table table(String[] hyp) {
    requireLength(hyp);
    int[][] cost = new int[hypLength + 1][];
    Edit[][] edit = new Edit[hypLength + 1][];
    cost[0] = new int[ref.length + 1];
    edit[0] = new Edit[ref.length + 1];
    for (int j = 0; j <= ref.length; j++) {
      cost[0][j] = j;
      edit[0][j] = Edit.INSERT_REF;
    }
    for (int i = 1; i <= hypLength; i++) {
      cost[i] = new int[ref.length + 1];
      edit[i] = new Edit[ref.length + 1];
      fillRow(hyp, i, cost[i - 1], cost[i], edit[i]);
    }
    return new Table(cost, edit);
  }

  /**
   * The distance of {@code hyp}, which shares its first {@code shared} words with the hypothesis of
   * {@code base}: rows 0..shared are taken from {@code base}.
   */
  int distance(String[] hyp, Table base, int shared) {
    requireLength(hyp);
    int[] prev = base.cost()[shared].clone();
    int[] row = new int[ref.length + 1];
    Edit[] edits = new Edit[ref.length + 1];
    for (int i = shared + 1; i <= hypLength; i++) {
      fillRow(hyp, i, prev, row, edits);
      int[] filled = row;
      row = prev;
      prev = filled;
    }
    return prev[ref.length];
  }

  private void fillRow(String[] hyp, int i, int[] prev, int[] row, Edit[] edits) {
    Arrays.fill(row, INFINITY);
    Arrays.fill(edits, Edit.NONE);
    int diagonal = (int) Math.floor(i * lengthRatio);
    int from = Math.max(0, diagonal - beamWidth);
    int to = i == hypLength ? ref.length + 1 : Math.min(ref.length + 1, diagonal + beamWidth);
    for (int j = from; j < to; j++) {
      if (j > 0) {
        boolean same = hyp[i - 1].equals(ref[j - 1]);
        relax(row, edits, j, prev[j - 1] + (same ? 0 : 1), same ? Edit.MATCH : Edit.SUBSTITUTE);
      }
      relax(row, edits, j, prev[j] + 1, Edit.DROP_HYP);
      if (j > 0) {
        relax(row, edits, j, row[j - 1] + 1, Edit.INSERT_REF);
      }
    }
  }

  private static void relax(int[] row, Edit[] edits, int j, int cost, Edit edit) {
    if (cost < row[j]) {
      row[j] = cost;
      edits[j] = edit;
    }
  }

  /** Which words the cheapest path leaves unmatched, and where each reference word lands. */
  record Alignment(int[] refToHyp, boolean[] hypError, boolean[] refError) {}

  /**
   * Walks the cheapest path back from the last cell. {@code refToHyp[j]} is the hypothesis position
   * aligned with reference word j, or, for an inserted reference word, the position of the last
   * hypothesis word before it (-1 at the start).
   */
  Alignment align(Table table) {
    int[] refToHyp = new int[ref.length];
    boolean[] hypError = new boolean[hypLength];
    boolean[] refError = new boolean[ref.length];
    int i = hypLength;
    int j = ref.length;
    while (i > 0 || j > 0) {
      switch (table.edit()[i][j]) {
        case MATCH, SUBSTITUTE -> {
          boolean wrong = table.edit()[i][j] == Edit.SUBSTITUTE;
          refToHyp[j - 1] = i - 1;
          hypError[i - 1] = wrong;
          refError[j - 1] = wrong;
          i--;
          j--;
        }
        case DROP_HYP -> hypError[--i] = true;
        case INSERT_REF -> {
          refToHyp[j - 1] = i - 1;
          refError[--j] = true;
        }
        case NONE -> throw new IllegalStateException("no path through cell " + i + "," + j);
      }
    }
    return new Alignment(refToHyp, hypError, refError);
  }

  private void requireLength(String[] hyp) {
    if (hyp.length != hypLength) {
      throw new IllegalArgumentException(
          "hypothesis has " + hyp.length + " words, expected " + hypLength);
    }
  }
}
