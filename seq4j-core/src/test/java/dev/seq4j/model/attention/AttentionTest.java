package dev.seq4j.model.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each score against a hand computation; masking, normalisation and shapes of attention. */
class AttentionTest {
  private static final double[] Q = {1, 2};
  private static final double[][] H = {{1, 0}, {0.5, -1}};
  private NDManager m;
  private Parameters params;
  private NDArray queries;
  private NDArray keys;

  @BeforeEach
  void setUp() {
    m = Engines.start().newBaseManager();
    params = new Parameters(m);
    queries = m.create(new float[] {1, 2}, new Shape(1, 1, 2));
    keys = m.create(new float[] {1, 0, 0.5f, -1}, new Shape(1, 2, 2));
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  private void set(String name, float... values) {
    NDArray a = params.get(name);
    a.setRequiresGradient(false);
    a.set(values);
  }

  private static float[] f(double... v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }

  @Test
  void dotScoreAndScaledDot() {
    assertArrayEquals(f(1, -1.5), new DotScore(false).score(queries, keys).toFloatArray(), 1e-6f);
    assertArrayEquals(
        f(1 / Math.sqrt(2), -1.5 / Math.sqrt(2)),
        new DotScore(true).score(queries, keys).toFloatArray(),
        1e-6f);
  }

  @Test
  void generalScoreIsBilinear() {
    GeneralScore g = new GeneralScore(params, "g", 2, 2, false);
    set("g.W_a", 1, 2, 0, 1); // rows: query dims
    // s·W_a = [1, 4]; · h1 = 1, · h2 = 0.5 - 4
    assertArrayEquals(f(1, -3.5), g.score(queries, keys).toFloatArray(), 1e-6f);
  }

  @Test
  void concatScoreOnTheConcatenation() {
    ConcatScore c = new ConcatScore(params, "c", 2, 2, 2);
    float[] w = {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f, 0.7f, 0.8f}; // (4, 2) row-major
    set("c.W_a", w);
    set("c.v", 1.5f, -0.5f);
    double[] expected = new double[2];
    for (int s = 0; s < 2; s++) {
      double[] x = {Q[0], Q[1], H[s][0], H[s][1]};
      for (int a = 0; a < 2; a++) {
        double z = 0;
        for (int i = 0; i < 4; i++) {
          z += x[i] * w[i * 2 + a];
        }
        expected[s] += (a == 0 ? 1.5 : -0.5) * Math.tanh(z);
      }
    }
    assertArrayEquals(f(expected), c.score(queries, keys).toFloatArray(), 1e-6f);
  }

  @Test
  void additiveScoreSumsTwoProjections() {
    AdditiveScore a = new AdditiveScore(params, "a", 2, 2, 2);
    float[] ws = {0.2f, -0.1f, 0.4f, 0.3f};
    float[] wh = {-0.3f, 0.5f, 0.6f, 0.1f};
    set("a.W_s", ws);
    set("a.W_h", wh);
    set("a.v", 0.7f, 1.1f);
    double[] expected = new double[2];
    for (int s = 0; s < 2; s++) {
      for (int k = 0; k < 2; k++) {
        double z = Q[0] * ws[k] + Q[1] * ws[2 + k] + H[s][0] * wh[k] + H[s][1] * wh[2 + k];
        expected[s] += (k == 0 ? 0.7 : 1.1) * Math.tanh(z);
      }
    }
    assertArrayEquals(f(expected), a.score(queries, keys).toFloatArray(), 1e-6f);
  }

  @Test
  void weightsSumToOneAndMaskedPositionsAreExactlyZero() {
    NDArray scores = m.create(new float[] {2, 1, 0.5f, -3, 7, 1}, new Shape(2, 1, 3));
    NDArray mask =
        m.create(new boolean[] {true, true, false, false, false, false}, new Shape(2, 3));
    float[] w = Attention.maskedSoftmax(scores, mask).toFloatArray();
    double e = Math.exp(1) / (Math.exp(1) + 1);
    assertArrayEquals(f(e, 1 - e, 0, 0, 0, 0), w, 1e-6f);
    assertEquals(0f, w[2], 0f);
    assertEquals(1f, w[0] + w[1], 1e-6f);
  }

  @Test
  void contextIsTheWeightedSumWithShapes() {
    NDArray mask = m.create(new boolean[] {true, true}, new Shape(1, 2));
    NDArray q2 = m.create(new float[] {1, 2, 0, 0, -1, 1}, new Shape(1, 3, 2)); // T = 3
    Attention.Result r = new Attention(new DotScore(false)).attend(q2, keys, mask);
    assertEquals(new Shape(1, 3, 2), r.context().getShape());
    assertEquals(new Shape(1, 3, 2), r.weights().getShape());
    float[] w = r.weights().toFloatArray();
    double w1 = Math.exp(1) / (Math.exp(1) + Math.exp(-1.5));
    assertEquals(w1, w[0], 1e-6);
    assertEquals(0.5, w[2], 1e-6); // query (0, 0): equal scores
    float[] c = r.context().toFloatArray();
    assertEquals(w1 * 1 + (1 - w1) * 0.5, c[0], 1e-6);
    assertEquals(w1 * 0 + (1 - w1) * -1, c[1], 1e-6);
  }

  @Test
  void locationTermConvolvesThePreviousWeights() {
    LocationTerm term = new LocationTerm(params, "att", 3);
    set("att.location", 1, 2, 3); // k_-1, k_0, k_+1
    NDArray previous = m.create(new float[] {0, 1, 0, 0, 0.5f, 0, 0, 0.5f}, new Shape(2, 4));
    NDArray bias = LocationTerm.apply(previous, term.banded(m, 4));
    assertEquals(new Shape(2, 1, 4), bias.getShape());
    // out_j = k_-1 α_{j-1} + k_0 α_j + k_+1 α_{j+1}, α = 0 outside the sentence
    assertArrayEquals(f(3, 2, 1, 0, 1, 0.5, 1.5, 1), bias.toFloatArray(), 1e-6f);
  }

  @Test
  void aBiasShiftsTheWeightsAndMaskedPositionsStayZero() {
    NDArray mask = m.create(new boolean[] {true, false}, new Shape(1, 2));
    NDArray bias = m.create(new float[] {0.5f, 1}, new Shape(1, 1, 2));
    Attention a = new Attention(new DotScore(false));
    float[] w = a.attend(queries, keys, mask, bias).weights().toFloatArray();
    assertArrayEquals(f(1, 0), w, 0f);
    NDArray open = m.create(new boolean[] {true, true}, new Shape(1, 2));
    float[] w2 = a.attend(queries, keys, open, bias).weights().toFloatArray();
    double e = Math.exp(1 + 0.5) / (Math.exp(1 + 0.5) + Math.exp(-1.5 + 1));
    assertEquals(e, w2[0], 1e-6);
  }

  @Test
  void aLocationWidthMustBeOdd() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> new LocationTerm(params, "att", 4));
    assertEquals("location width must be odd and >= 1, was 4", e.getMessage());
  }
}
