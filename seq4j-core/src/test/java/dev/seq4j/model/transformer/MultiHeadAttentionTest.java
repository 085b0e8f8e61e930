package dev.seq4j.model.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Parameters;
import org.junit.jupiter.api.Test;

/** Multi-head attention against a plain-Java computation of the formulas. */
class MultiHeadAttentionTest {
  private static final int B = 2;
  private static final int T = 3;
  private static final int S = 4;
  private static final int D = 6;
  private static final int H = 2;

  @Test
  void outputEqualsTheFormulaComputedByHand() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      Parameters p = new Parameters(m);
      MultiHeadAttention mha = new MultiHeadAttention(p, "att", D, H, 0);
      p.reinitializeUniform(0.5); // non-zero biases too
      NDArray x = m.randomNormal(new Shape(B, T, D));
      NDArray mem = m.randomNormal(new Shape(B, S, D));
      int[] lengths = {4, 2};
      NDArray bias = TransformerSeq2Seq.paddingBias(m, lengths, S);
      MultiHeadAttention.Result r = mha.attend(x, mha.project(mem), bias, false);
      float[] expected =
          byHand(
              x.toFloatArray(),
              mem.toFloatArray(),
              lengths,
              p.get("att.query.weight").toFloatArray(),
              p.get("att.query.bias").toFloatArray(),
              p.get("att.key_value.weight").toFloatArray(),
              p.get("att.key_value.bias").toFloatArray(),
              p.get("att.output.weight").toFloatArray(),
              p.get("att.output.bias").toFloatArray());
      assertEquals(new Shape(B, T, D), r.output().getShape());
      assertEquals(new Shape(B, H, T, S), r.weights().getShape());
      assertArrayEquals(expected, r.output().toFloatArray(), 1e-5f);
      float[] w = r.weights().toFloatArray();
      for (int row = 0; row < B * H * T; row++) {
        float sum = 0;
        for (int s = 0; s < S; s++) {
          sum += w[row * S + s];
        }
        assertEquals(1f, sum, 1e-6f, "row " + row);
        if (row >= H * T) { // sentence 2 has 2 real source tokens
          assertEquals(0f, w[row * S + 2], 0f);
          assertEquals(0f, w[row * S + 3], 0f);
        }
      }
    }
  }

  @Test
  void oneProductForQueryKeyAndValueEqualsTheSeparateMaps() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Engine.getInstance().setRandomSeed(4);
      Parameters p = new Parameters(m);
      MultiHeadAttention mha = new MultiHeadAttention(p, "att", D, H, 0);
      p.reinitializeUniform(0.5); // non-zero biases too
      NDArray x = m.randomNormal(new Shape(B, T, D));
      NDArray causal = TransformerSeq2Seq.causalBias(m, T);
      MultiHeadAttention.QueryKeyValues fused = mha.projectAll(x, mha.inProjection(m));
      MultiHeadAttention.KeyValues separate = mha.project(x);
      assertEquals(new Shape(B, H, T, D / H), fused.queries().getShape());
      assertArrayEquals(
          separate.keys().toFloatArray(), fused.keyValues().keys().toFloatArray(), 1e-6f);
      assertArrayEquals(
          separate.values().toFloatArray(), fused.keyValues().values().toFloatArray(), 1e-6f);
      MultiHeadAttention.Result one =
          mha.attendQueries(fused.queries(), fused.keyValues(), causal, false);
      MultiHeadAttention.Result two = mha.attend(x, separate, causal, false);
      assertArrayEquals(two.output().toFloatArray(), one.output().toFloatArray(), 1e-5f);
      assertArrayEquals(two.weights().toFloatArray(), one.weights().toFloatArray(), 1e-6f);
      float[] w = one.weights().toFloatArray(); // (B, H, T, T): position 0 sees only itself
      assertEquals(1f, w[0], 1e-6f);
      assertEquals(0f, w[1] + w[2], 0f);
    }
  }

  /** softmax(Q Kᵀ / √d_k + mask) V per head, concatenated, times W^O, with plain loops. */
  private static float[] byHand(
      float[] x,
      float[] mem,
      int[] lengths,
      float[] wq,
      float[] bq,
      float[] wkv,
      float[] bkv,
      float[] wo,
      float[] bo) {
    int dk = D / H;
    float[] out = new float[B * T * D];
    for (int b = 0; b < B; b++) {
      double[][] q = affine(x, b * T, T, wq, bq, D, 0);
      double[][] k = affine(mem, b * S, S, wkv, bkv, 2 * D, 0);
      double[][] v = affine(mem, b * S, S, wkv, bkv, 2 * D, D);
      for (int t = 0; t < T; t++) {
        double[] concat = new double[D];
        for (int h = 0; h < H; h++) {
          double[] scores = new double[lengths[b]];
          double max = Double.NEGATIVE_INFINITY;
          for (int s = 0; s < lengths[b]; s++) {
            for (int j = 0; j < dk; j++) {
              scores[s] += q[t][h * dk + j] * k[s][h * dk + j];
            }
            scores[s] /= Math.sqrt(dk);
            max = Math.max(max, scores[s]);
          }
          double z = 0;
          for (int s = 0; s < lengths[b]; s++) {
            scores[s] = Math.exp(scores[s] - max);
            z += scores[s];
          }
          for (int s = 0; s < lengths[b]; s++) {
            for (int j = 0; j < dk; j++) {
              concat[h * dk + j] += scores[s] / z * v[s][h * dk + j];
            }
          }
        }
        for (int o = 0; o < D; o++) {
          double y = bo[o];
          for (int i = 0; i < D; i++) {
            y += concat[i] * wo[i * D + o];
          }
          out[(b * T + t) * D + o] = (float) y;
        }
      }
    }
    return out;
  }

  /** Rows {@code from … from+n-1} of {@code a} (width D) times columns offset … offset+D-1 of w. */
  private static double[][] affine(
      float[] a, int from, int n, float[] w, float[] bias, int width, int offset) {
    double[][] y = new double[n][D];
    for (int r = 0; r < n; r++) {
      for (int o = 0; o < D; o++) {
        double sum = bias[offset + o];
        for (int i = 0; i < D; i++) {
          sum += a[(from + r) * D + i] * w[i * width + offset + o];
        }
        y[r][o] = sum;
      }
    }
    return y;
  }
}
