package dev.seq4j.model.charrnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.seq4j.model.rnn.CellState;
import dev.seq4j.names.Fixtures;
import dev.seq4j.names.NameBatch;
import dev.seq4j.names.NameSampler;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.tokenize.Vocabulary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameGeneratorTest {
  private static NamesBundle generator(boolean conditioned) {
    return Fixtures.bundle(
        Fixtures.config(
            "generate",
            "{cell: gru, embedding: 6, hidden: 8, layers: 2, conditioned: " + conditioned + "}",
            "{}"),
        "abcde");
  }

  @Test
  void stepByStepEqualsTheTeacherForcedLogits() {
    try (NamesBundle b = generator(true);
        NDManager scope = b.manager().newSubManager()) {
      NameGenerator g = (NameGenerator) b.model();
      Vocabulary v = b.chars();
      int[] name = b.encode("cabe");
      NameBatch batch = new NameBatch(List.of(name, b.encode("d")), new int[] {2, 1});
      int[] lengths = {5, 2};
      NDArray all =
          g.logits(batch.inputs(scope, v.bosId(), v.padId()), lengths, batch.labels(), false);
      List<CellState> state = g.initial(scope, new int[] {2}, 1);
      long previous = v.bosId();
      for (int t = 0; t <= name.length; t++) {
        NameGenerator.Step s = g.step(scope.create(new long[] {previous}), state);
        float[] expected = all.get(new NDIndex("0, {}", t)).toFloatArray();
        assertArrayEquals(expected, s.logits().toFloatArray(), 1e-5f, "step " + t);
        state = s.state();
        previous = t < name.length ? name[t] : v.eosId();
      }
      // the nationality changes the prediction
      float[] other =
          g.logits(batch.inputs(scope, v.bosId(), v.padId()), lengths, new int[] {0, 1}, false)
              .toFloatArray();
      assertNotEquals(all.getFloat(0, 0, 4), other[4]);
    }
  }

  @Test
  void generationStopsAtEndOrTheCap() {
    try (NamesBundle b = generator(false)) {
      Vocabulary v = b.chars();
      NDArray bias = b.parameters().get("output.bias");
      NDArray weight = b.parameters().get("output.weight");
      weight.set(new float[(int) weight.size()]);
      float[] forced = new float[v.size()];
      forced[v.eosId()] = 20f; // <END> first: every name is empty
      bias.set(forced);
      for (String n : NameSampler.sample(b, -1, 20, 1.0, 3, 10)) {
        assertEquals("", n);
      }
      forced[v.eosId()] = 0f;
      forced[v.id("c")] = 20f; // never <END>: the cap ends each name
      bias.set(forced);
      for (String n : NameSampler.sample(b, -1, 5, 1.0, 3, 7)) {
        assertEquals("ccccccc", n);
      }
      // specials are never drawn, even when the model prefers them
      forced[v.id("c")] = 0f;
      forced[v.unkId()] = 20f;
      forced[v.bosId()] = 20f;
      forced[v.padId()] = 20f;
      forced[v.id("a")] = 5f;
      bias.set(forced);
      assertEquals(List.of("aaa", "aaa"), NameSampler.sample(b, -1, 2, 1e-3, 3, 3));
    }
  }

  @Test
  void temperatureZeroIsGreedyAndHighTemperatureIsMoreVaried() {
    try (NamesBundle b = generator(true)) {
      NDArray weight = b.parameters().get("output.weight");
      float[] w = weight.toFloatArray();
      for (int i = 0; i < w.length; i++) {
        w[i] *= 8; // a peaked, state-dependent distribution
      }
      weight.set(w);
      List<String> greedy = NameSampler.sample(b, 1, 5, 0, 1, 12);
      assertEquals(1, new HashSet<>(greedy).size(), "greedy names are all the same");
      assertEquals(greedy, NameSampler.sample(b, 1, 5, 0, 99, 12), "the seed does not matter");
      assertEquals(greedy, NameSampler.sample(b, 1, 5, 1e-4, 7, 12), "T → 0 is greedy");
      List<String> cold = NameSampler.sample(b, 1, 200, 0.3, 11, 12);
      List<String> hot = NameSampler.sample(b, 1, 200, 3.0, 11, 12);
      Set<String> coldKinds = new HashSet<>(cold);
      Set<String> hotKinds = new HashSet<>(hot);
      assertTrue(hotKinds.size() > coldKinds.size(), coldKinds.size() + " vs " + hotKinds.size());
      assertEquals(hot, NameSampler.sample(b, 1, 200, 3.0, 11, 12), "seeded: repeatable");
    }
  }

  @Test
  void conditioningIsCheckedAgainstTheModel() {
    try (NamesBundle conditioned = generator(true);
        NamesBundle plain = generator(false)) {
      assertEquals(
          "this model is conditioned on the nationality: name one of Ov, Ez, Son",
          assertThrows(
                  IllegalArgumentException.class,
                  () -> NameSampler.sample(conditioned, -1, 1, 1, 1, 5))
              .getMessage());
      assertEquals(
          "this model is not conditioned on the nationality: leave it out",
          assertThrows(
                  IllegalArgumentException.class, () -> NameSampler.sample(plain, 0, 1, 1, 1, 5))
              .getMessage());
      assertEquals(
          "unknown nationality 'Korean' (one of: Ov, Ez, Son)",
          assertThrows(IllegalArgumentException.class, () -> conditioned.labelId("Korean"))
              .getMessage());
    }
  }
}
