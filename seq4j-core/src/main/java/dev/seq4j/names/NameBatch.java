package dev.seq4j.names;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A batch of names as character ids with their class ids.
 *
 * @param names each name's character ids (no specials), in batch order
 * @param labels each name's class id
 */
public record NameBatch(List<int[]> names, int[] labels) {

  /** One encoded name. */
  public record Encoded(int[] chars, int label) {}

  /** Batches per bucket: names are sorted by length within a bucket of this many batches. */
  static final int BUCKET_BATCHES = 50;

  /**
   * Cuts {@code examples} into batches of at most {@code batchSize}. With {@code shuffle} the names
   * are shuffled (seeded), sorted by length within buckets of {@link #BUCKET_BATCHES} batches, so a
   * batch holds names of similar length (little padding, few ragged steps), and the batches are
   * shuffled; without, batches follow the examples' order.
   */
  public static List<NameBatch> plan(
      List<Encoded> examples, int batchSize, boolean shuffle, long seed) {
    List<Integer> order = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Random random = new Random(seed);
    List<List<Integer>> slices = new ArrayList<>();
    if (shuffle) {
      Collections.shuffle(order, random);
      int bucket = batchSize * BUCKET_BATCHES;
      for (int from = 0; from < order.size(); from += bucket) {
        List<Integer> b =
            new ArrayList<>(order.subList(from, Math.min(order.size(), from + bucket)));
        b.sort(java.util.Comparator.comparingInt(i -> examples.get(i).chars().length));
        for (int at = 0; at < b.size(); at += batchSize) {
          slices.add(b.subList(at, Math.min(b.size(), at + batchSize)));
        }
      }
      Collections.shuffle(slices, random);
    } else {
      for (int from = 0; from < order.size(); from += batchSize) {
        slices.add(order.subList(from, Math.min(order.size(), from + batchSize)));
      }
    }
    List<NameBatch> out = new ArrayList<>();
    for (List<Integer> slice : slices) {
      List<int[]> names = new ArrayList<>(slice.size());
      int[] labels = new int[slice.size()];
      for (int i = 0; i < slice.size(); i++) {
        Encoded e = examples.get(slice.get(i));
        names.add(e.chars());
        labels[i] = e.label();
      }
      out.add(new NameBatch(names, labels));
    }
    return out;
  }

  /** Each name's length. */
  public int[] lengths() {
    return names.stream().mapToInt(n -> n.length).toArray();
  }

  /** The names padded with {@code pad} at the end: (B, T) int64, T the longest name. */
  public NDArray ids(NDManager m, int pad) {
    return padded(m, names, -1, -1, pad);
  }

  /** Generator inputs {@code <BEGIN> c_1 … c_n}, padded: (B, T + 1) int64. */
  public NDArray inputs(NDManager m, int bos, int pad) {
    return padded(m, names, bos, -1, pad);
  }

  /** Generator targets {@code c_1 … c_n <END>}, padded: (B, T + 1) int64. */
  public NDArray targets(NDManager m, int eos, int pad) {
    return padded(m, names, -1, eos, pad);
  }

  /** True at the generator's real positions (the first n + 1 of each row): (B, T + 1). */
  public NDArray targetMask(NDManager m) {
    int width = width() + 1;
    boolean[] mask = new boolean[names.size() * width];
    for (int r = 0; r < names.size(); r++) {
      for (int t = 0; t <= names.get(r).length; t++) {
        mask[r * width + t] = true;
      }
    }
    return m.create(mask, new Shape(names.size(), width));
  }

  private int width() {
    return names.stream().mapToInt(n -> n.length).max().orElse(0);
  }

  /** Rows of ids with an optional {@code first} id before and {@code last} id after (-1: none). */
  private static NDArray padded(NDManager m, List<int[]> rows, int first, int last, int pad) {
    int extra = (first >= 0 ? 1 : 0) + (last >= 0 ? 1 : 0);
    int width = rows.stream().mapToInt(n -> n.length).max().orElse(0) + extra;
    long[] ids = new long[rows.size() * width];
    java.util.Arrays.fill(ids, pad);
    for (int r = 0; r < rows.size(); r++) {
      int at = r * width;
      if (first >= 0) {
        ids[at++] = first;
      }
      for (int c : rows.get(r)) {
        ids[at++] = c;
      }
      if (last >= 0) {
        ids[at] = last;
      }
    }
    return m.create(ids, new Shape(rows.size(), width));
  }
}
