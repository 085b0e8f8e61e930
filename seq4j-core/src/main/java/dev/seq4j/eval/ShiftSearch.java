package dev.seq4j.eval;

import java.util.Comparator;

/**
 * The edits of TER between one hypothesis and one reference (Snover et al. 2006), with Tercom's
 * greedy search for block shifts as sacreBLEU implements it:
 *
 * <pre>
 * repeat: among all shifts of a hypothesis block that also occurs in the reference, take the one
 *         that lowers the edit distance most; stop when none lowers it
 * edits = shifts + editDistance(shifted hypothesis, reference)
 * </pre>
 *
 * <p>A candidate block is at most {@value #MAX_SHIFT_SIZE} words, starts at most {@value
 * #MAX_SHIFT_DISTANCE} positions away from its reference occurrence, covers a hypothesis error and
 * a reference error, and moves next to where the aligned reference words sit. Ties go to the longer
 * block, then the earlier block, then the earlier target. After {@value #MAX_CANDIDATES} candidates
 * in all the search stops and the shifts found so far stand.
 */
final class ShiftSearch {
  static final int MAX_SHIFT_SIZE = 10;
  static final int MAX_SHIFT_DISTANCE = 50;
  static final int MAX_CANDIDATES = 1000;

  /** Moving {@code length} words at {@code start} to {@code target}, and the words it gives. */
  private record Shift(int gain, int length, int start, int target, String[] words) {}

  private static final Comparator<Shift> RANK =
      Comparator.comparingInt(Shift::gain)
          .thenComparingInt(Shift::length)
          .thenComparingInt(s -> -s.start())
          .thenComparingInt(s -> -s.target());

  private final String[] ref;
  private final BandedEditDistance distance;
  private int candidates;

  private ShiftSearch(String[] ref, int hypLength) {
    this.ref = ref;
    this.distance = new BandedEditDistance(ref, hypLength);
  }

  /** Shifts plus insertions, deletions and substitutions turning {@code hyp} into {@code ref}. */
  static int edits(String[] hyp, String[] ref) {
    if (ref.length == 0) {
      return hyp.length;
    }
    ShiftSearch search = new ShiftSearch(ref, hyp.length);
    String[] words = hyp;
    int shifts = 0;
    while (true) {
      Shift best = search.bestShift(words);
      if (search.candidates >= MAX_CANDIDATES || best == null || best.gain() <= 0) {
        break;
      }
      shifts++;
      words = best.words();
    }
    return shifts + search.distance.table(words).distance();
  }

  private Shift bestShift(String[] hyp) {
    BandedEditDistance.Table table = distance.table(hyp);
    BandedEditDistance.Alignment a = distance.align(table);
    Shift best = null;
    for (int start = 0; start < hyp.length; start++) {
      int fromR = Math.max(0, start - MAX_SHIFT_DISTANCE);
      int toR = Math.min(ref.length, start + MAX_SHIFT_DISTANCE + 1);
      for (int refStart = fromR; refStart < toR; refStart++) {
        int common = commonLength(hyp, start, refStart);
        for (int length = 1; length <= common; length++) {
          if (!worthTrying(a, start, refStart, length)) {
            continue;
          }
          int lastTarget = -1;
          for (int offset = -1; offset < length; offset++) {
            int target = refStart + offset < 0 ? 0 : a.refToHyp()[refStart + offset] + 1;
            if (target == lastTarget) {
              continue;
            }
            lastTarget = target;
            String[] shifted = shift(hyp, start, length, target);
            int gain =
                table.distance() - distance.distance(shifted, table, Math.min(start, target));
            candidates++;
            Shift s = new Shift(gain, length, start, target, shifted);
            if (best == null || RANK.compare(s, best) > 0) {
              best = s;
            }
          }
          if (candidates >= MAX_CANDIDATES) {
            return best;
          }
        }
      }
    }
    return best;
  }

  /** Words equal from {@code start} in hyp and {@code refStart} in ref, at most the max size. */
  private int commonLength(String[] hyp, int start, int refStart) {
    int n = 0;
    while (n < MAX_SHIFT_SIZE
        && start + n < hyp.length
        && refStart + n < ref.length
        && hyp[start + n].equals(ref[refStart + n])) {
      n++;
    }
    return n;
  }

  /**
   * A block is moved only if it holds a hypothesis error, its reference span holds a reference
   * error, and its reference occurrence is not already aligned inside the block.
   */
  private static boolean worthTrying(
      BandedEditDistance.Alignment a, int start, int refStart, int length) {
    if (!any(a.hypError(), start, length) || !any(a.refError(), refStart, length)) {
      return false;
    }
    int aligned = a.refToHyp()[refStart];
    return aligned < start || aligned >= start + length;
  }

  private static boolean any(boolean[] flags, int from, int length) {
    for (int k = from; k < from + length; k++) {
      if (flags[k]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words with the block {@code [start, start+length)} moved before word {@code target}. A
   * target inside the block or right after it counts words after the block instead: the block then
   * moves {@code target - start} words to the right (at most to the end).
   */
  static String[] shift(String[] words, int start, int length, int target) {
    String[] out = new String[words.length];
    int k;
    if (target < start) {
      k = copy(words, 0, target, out, 0);
      k = copy(words, start, start + length, out, k);
      k = copy(words, target, start, out, k);
      copy(words, start + length, words.length, out, k);
    } else {
      int end = target > start + length ? target : Math.min(words.length, target + length);
      k = copy(words, 0, start, out, 0);
      k = copy(words, start + length, end, out, k);
      k = copy(words, start, start + length, out, k);
      copy(words, end, words.length, out, k);
    }
    return out;
  }

  private static int copy(String[] from, int begin, int end, String[] to, int at) {
    System.arraycopy(from, begin, to, at, end - begin);
    return at + end - begin;
  }
}
