package dev.seq4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.seq4j.engine.Engines;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SGD and Adam against torch.optim's update formulas evaluated by hand in doubles. */
class OptimizerTest {

  /** loss = Σ c_i · p_i², so ∇p_i = 2 c_i p_i. */
  private static void backward(NDArray p, float[] c) {
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.backward(p.square().mul(p.getManager().create(c)).sum());
    }
  }

  @Test
  void sgdWithMomentumAndWeightDecay() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray p = m.create(new float[] {1f, -2f});
      p.setRequiresGradient(true);
      Map<String, NDArray> params = Map.of("p", p);
      Sgd sgd = new Sgd(0.9, 0.01);
      double[] x = {1, -2};
      double[] buf = new double[2];
      float[] c = {0.5f, 1f};
      for (int step = 0; step < 3; step++) {
        backward(p, c);
        sgd.step(params, 0.1);
        for (int i = 0; i < 2; i++) {
          double g = 2 * c[i] * x[i] + 0.01 * x[i];
          buf[i] = step == 0 ? g : 0.9 * buf[i] + g;
          x[i] -= 0.1 * buf[i];
        }
        assertArrayEquals(new float[] {(float) x[0], (float) x[1]}, p.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, p.getGradient().toFloatArray(), 0f);
      }
    }
  }

  @Test
  void adamMatchesTorchFormula() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray p = m.create(new float[] {1f, -2f, 0.5f});
      p.setRequiresGradient(true);
      Adam adam = new Adam(0.9, 0.999, 1e-8, 0);
      double[] x = {1, -2, 0.5};
      double[] mo = new double[3];
      double[] v = new double[3];
      float[] c = {0.5f, 1f, 3f};
      for (int t = 1; t <= 3; t++) {
        backward(p, c);
        adam.step(Map.of("p", p), 0.01);
        for (int i = 0; i < 3; i++) {
          double g = 2 * c[i] * x[i];
          mo[i] = 0.9 * mo[i] + 0.1 * g;
          v[i] = 0.999 * v[i] + 0.001 * g * g;
          double mHat = mo[i] / (1 - Math.pow(0.9, t));
          double vHat = v[i] / (1 - Math.pow(0.999, t));
          x[i] -= 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
        }
        assertArrayEquals(
            new float[] {(float) x[0], (float) x[1], (float) x[2]}, p.toFloatArray(), 1e-6f);
      }
    }
  }

  @Test
  void restoredAdamContinuesIdentically() {
    try (NDManager m = Engines.start().newBaseManager()) {
      float[] c = {0.5f, 1f};
      NDArray a = m.create(new float[] {1f, -2f});
      a.setRequiresGradient(true);
      Adam straight = new Adam(0);
      for (int i = 0; i < 3; i++) {
        backward(a, c);
        straight.step(Map.of("p", a), 0.05);
      }
      NDArray b = m.create(new float[] {1f, -2f});
      b.setRequiresGradient(true);
      Adam first = new Adam(0);
      for (int i = 0; i < 2; i++) {
        backward(b, c);
        first.step(Map.of("p", b), 0.05);
      }
      Map<String, NDArray> saved = new LinkedHashMap<>();
      first.state().forEach((k, v) -> saved.put(k, v.duplicate()));
      assertEquals(Map.of("adamSteps", 2L), first.counters());
      Adam second = new Adam(0);
      second.loadState(saved);
      second.loadCounters(first.counters());
      backward(b, c);
      second.step(Map.of("p", b), 0.05);
      assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
    }
  }

  @Test
  void adamReadsCheckpointsWithUnscaledMoments() {
    try (NDManager m = Engines.start().newBaseManager()) {
      float[] c = {0.5f, 1f};
      NDArray a = m.create(new float[] {1f, -2f});
      a.setRequiresGradient(true);
      Adam straight = new Adam(0);
      NDArray b = m.create(new float[] {1f, -2f});
      b.setRequiresGradient(true);
      Adam first = new Adam(0);
      for (int i = 0; i < 2; i++) {
        backward(a, c);
        straight.step(Map.of("p", a), 0.05);
        backward(b, c);
        first.step(Map.of("p", b), 0.05);
      }
      // the layout of earlier checkpoints: m and v themselves under m.p and v.p
      Map<String, NDArray> old = new LinkedHashMap<>();
      old.put("m.p", first.state().get("ms.p").mul(0.1));
      old.put("v.p", first.state().get("vs.p").mul(0.001));
      Adam second = new Adam(0);
      second.loadState(old);
      second.loadCounters(first.counters());
      backward(a, c);
      straight.step(Map.of("p", a), 0.05);
      backward(b, c);
      second.step(Map.of("p", b), 0.05);
      assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 1e-6f);
      assertEquals(java.util.Set.of("ms.p", "vs.p"), second.state().keySet());
    }
  }

  @Test
  void clippingByGlobalNorm() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray p = m.create(new float[] {1.5f});
      NDArray q = m.create(new float[] {2f});
      p.setRequiresGradient(true);
      q.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(p.square().add(q.square())); // gradients 3 and 4: norm 5
      }
      double norm = GradientClipping.clipByGlobalNorm(java.util.List.of(p, q), 1.0);
      assertEquals(5.0, norm, 1e-6);
      assertArrayEquals(new float[] {0.6f}, p.getGradient().toFloatArray(), 1e-5f);
      assertArrayEquals(new float[] {0.8f}, q.getGradient().toFloatArray(), 1e-5f);
    }
  }

  @Test
  void zeroingClearsNonFiniteGradients() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray p = m.create(new float[] {0f, 1f});
      p.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(p.log().sum()); // 1/0 = Inf
      }
      Gradients.zero(java.util.List.of(p));
      assertArrayEquals(new float[] {0f, 0f}, p.getGradient().toFloatArray(), 0f);
    }
  }
}
