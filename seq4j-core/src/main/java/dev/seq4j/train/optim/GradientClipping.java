package dev.seq4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Collection;

/**
 * Clipping by global norm, as {@code torch.nn.utils.clip_grad_norm_}:
 *
 * <pre>
 * n = ‖(‖g_1‖, …, ‖g_k‖)‖₂        g_i = g_i · min(1, maxNorm / (n + 1e-6))
 * </pre>
 *
 * The norm is computed natively; only the final scalar comes back to Java.
 */
public final class GradientClipping {
  private GradientClipping() {}

  /** Returns the total gradient norm before clipping; clips when {@code maxNorm > 0}. */
  public static double clipByGlobalNorm(Collection<NDArray> params, double maxNorm) {
    NDManager owner = params.iterator().next().getManager();
    try (NDManager scope = owner.newSubManager()) {
      NDList norms = new NDList();
      NDList grads = new NDList();
      for (NDArray p : params) {
        NDArray g = p.getGradient();
        g.attach(scope);
        grads.add(g);
        norms.add(g.norm());
      }
      NDArray total = NDArrays.stack(norms).norm();
      double norm = total.getFloat();
      if (clips(norm, maxNorm)) {
        double coefficient = maxNorm / (norm + 1e-6);
        for (NDArray g : grads) {
          g.muli(coefficient);
        }
      }
      return norm;
    }
  }

  /** Whether a global norm {@code norm} gets scaled down under {@code maxNorm} (0: no clipping). */
  public static boolean clips(double norm, double maxNorm) {
    return maxNorm > 0 && Double.isFinite(norm) && maxNorm / (norm + 1e-6) < 1;
  }
}
