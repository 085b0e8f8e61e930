package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seq4j.model.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientNormsTest {

  @Test
  void groupsFollowTheParameterNames() {
    assertEquals("embedding", GradientNorms.group("src_embedding.weight"));
    assertEquals("embedding", GradientNorms.group("embedding.weight"));
    assertEquals("encoder.l0", GradientNorms.group("encoder.l0.fw.weight_ih"));
    assertEquals("decoder.l1", GradientNorms.group("decoder.l1.weight_hh"));
    assertEquals("encoder.2", GradientNorms.group("encoder.2.self_attention.query.weight"));
    assertEquals("decoder.0", GradientNorms.group("decoder.0.cross_attention.key_value.weight"));
    assertEquals("encoder", GradientNorms.group("encoder.norm.gamma"));
    assertEquals("attention", GradientNorms.group("attention.W_a"));
    assertEquals("attention", GradientNorms.group("combine.weight"));
    assertEquals("output", GradientNorms.group("output.bias"));
    assertEquals("bridge", GradientNorms.group("bridge.l0.h.weight"));
  }

  /** L = Σ a·x + Σ b·y (a, b constants): ∇x = a, ∇y = b, so each group's norm is known. */
  @Test
  void eachGroupNormIsTheNormOfItsMembersGradients() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameters params = new Parameters(manager);
      NDArray x = params.constant("output.weight", new Shape(2), 1f);
      NDArray bias = params.constant("output.bias", new Shape(1), 1f);
      NDArray y = params.constant("trg_embedding.weight", new Shape(2), 1f);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss =
            x.mul(manager.create(new float[] {3f, 4f}))
                .sum()
                .add(bias.mul(12f).sum())
                .add(y.mul(manager.create(new float[] {6f, 8f})).sum());
        gc.backward(loss);
      }
      Map<String, Double> norms = GradientNorms.byGroup(params.asMap());
      assertEquals(Map.of("output", 13.0, "embedding", 10.0), norms);
    }
  }
}
