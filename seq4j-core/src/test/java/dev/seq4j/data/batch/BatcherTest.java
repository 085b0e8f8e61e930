package dev.seq4j.data.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BatcherTest {
  private static final int PAD = 0;
  private static final int BOS = 2;
  private static final int EOS = 3;

  private static List<Example> examples(int n, long seed) {
    Random r = new Random(seed);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] s = r.ints(1 + r.nextInt(20), 4, 50).toArray();
      int[] t = r.ints(1 + r.nextInt(20), 4, 50).toArray();
      out.add(new Example(s, t, i));
    }
    return out;
  }

  @Test
  void everyExampleOnceAndLongOnesDropped() {
    List<Example> ex = examples(500, 1);
    Batcher.Plan plan = Batcher.plan(ex, new BatchingOptions(32, 0, 15, true, 7), PAD, BOS, EOS);
    long tooLong = ex.stream().filter(e -> e.src().length > 15 || e.trg().length > 15).count();
    assertEquals(tooLong, plan.dropped());
    TreeSet<Integer> seen = new TreeSet<>();
    for (Batch b : plan.batches()) {
      assertTrue(b.size() <= 32);
      for (int i : b.indices()) {
        assertTrue(seen.add(i), "example " + i + " twice");
      }
    }
    assertEquals(500 - tooLong, seen.size());
  }

  @Test
  void tokenBudgetBoundsPaddedSize() {
    Batcher.Plan plan =
        Batcher.plan(examples(500, 2), new BatchingOptions(1, 200, 100, true, 3), PAD, BOS, EOS);
    for (Batch b : plan.batches()) {
      int width = Math.max(b.src()[0].length, b.trgIn()[0].length);
      assertTrue(width * b.size() <= 200 || b.size() == 1, "batch of " + b.size() + " × " + width);
    }
  }

  @Test
  void sameSeedSamePlan() {
    List<Example> ex = examples(200, 3);
    BatchingOptions o = new BatchingOptions(16, 0, 100, true, 11);
    List<int[]> a =
        Batcher.plan(ex, o, PAD, BOS, EOS).batches().stream().map(Batch::indices).toList();
    List<int[]> b =
        Batcher.plan(ex, o, PAD, BOS, EOS).batches().stream().map(Batch::indices).toList();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i));
    }
  }

  @Test
  void paddingShiftingAndMasks() {
    Batch b =
        Batch.of(
            List.of(
                new Example(new int[] {5, 6, 7}, new int[] {8, 9}, 0),
                new Example(new int[] {5}, new int[] {10, 11, 12}, 1)),
            PAD,
            BOS,
            EOS);
    assertArrayEquals(new long[][] {{5, 6, 7}, {5, 0, 0}}, b.src());
    assertArrayEquals(new long[][] {{2, 8, 9, 0}, {2, 10, 11, 12}}, b.trgIn());
    assertArrayEquals(new long[][] {{8, 9, 3, 0}, {10, 11, 12, 3}}, b.trgOut());
    assertArrayEquals(new int[] {3, 4}, b.trgLengths());
    assertEquals(7, b.trgTokens());
    try (NDManager m = Engines.start().newBaseManager()) {
      assertArrayEquals(
          new boolean[] {true, true, true, true, false, false}, b.srcMask(m).toBooleanArray());
      assertArrayEquals(
          new boolean[] {true, true, true, false, true, true, true, true},
          b.trgMask(m).toBooleanArray());
    }
  }
}
