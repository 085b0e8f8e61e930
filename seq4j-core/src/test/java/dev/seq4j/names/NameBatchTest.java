package dev.seq4j.names;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameBatchTest {
  private static List<NameBatch.Encoded> examples(int n) {
    Random r = new Random(1);
    List<NameBatch.Encoded> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] chars = new int[1 + r.nextInt(12)];
      chars[0] = i; // identifies the example
      out.add(new NameBatch.Encoded(chars, i % 3));
    }
    return out;
  }

  @Test
  void aShuffledPlanHoldsEveryNameOnceInLengthSortedBatchesAndRepeatsWithItsSeed() {
    List<NameBatch.Encoded> ex = examples(1000);
    List<NameBatch> plan = NameBatch.plan(ex, 16, true, 7);
    assertEquals(63, plan.size());
    boolean[] seen = new boolean[ex.size()];
    int padded = 0;
    for (NameBatch b : plan) {
      int[] lengths = b.lengths();
      int max = 0;
      for (int i = 0; i < lengths.length; i++) {
        int id = b.names().get(i)[0];
        assertTrue(!seen[id], "example " + id + " twice");
        seen[id] = true;
        assertEquals(ex.get(id).label(), b.labels()[i]);
        max = Math.max(max, lengths[i]);
        if (i > 0) {
          assertTrue(lengths[i] >= lengths[i - 1], "sorted by length within a batch");
        }
      }
      for (int l : lengths) {
        padded += max - l;
      }
    }
    for (boolean s : seen) {
      assertTrue(s);
    }
    assertTrue(padded < 1000, "bucketing keeps padding small: " + padded);
    List<NameBatch> again = NameBatch.plan(ex, 16, true, 7);
    for (int i = 0; i < plan.size(); i++) {
      assertArrayEquals(plan.get(i).labels(), again.get(i).labels());
      assertEquals(plan.get(i).names().get(0)[0], again.get(i).names().get(0)[0]);
    }
    List<NameBatch> ordered = NameBatch.plan(ex, 16, false, 7);
    assertEquals(0, ordered.get(0).names().get(0)[0], "without shuffling, examples in order");
    assertEquals(16, ordered.get(1).names().get(0)[0]);
  }

  @Test
  void generatorInputsTargetsAndMask() {
    NameBatch b = new NameBatch(List.of(new int[] {7, 8}, new int[] {9}), new int[] {0, 1});
    try (NDManager m = Engines.start().newBaseManager()) {
      assertArrayEquals(new long[] {2, 7, 8, 2, 9, 0}, b.inputs(m, 2, 0).toLongArray());
      assertArrayEquals(new long[] {7, 8, 3, 9, 3, 0}, b.targets(m, 3, 0).toLongArray());
      assertArrayEquals(
          new boolean[] {true, true, true, true, true, false}, b.targetMask(m).toBooleanArray());
      assertArrayEquals(new long[] {7, 8, 9, 0}, b.ids(m, 0).toLongArray());
    }
  }
}
