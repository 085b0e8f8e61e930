package dev.seq4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum μ and L2 weight decay λ, as {@code torch.optim.SGD}:
 *
 * <pre>
 * g = ∇p + λ·p
 * b = g (first step),  b = μ·b + g (later)
 * p = p - lr·b
 * </pre>
 */
public final class Sgd implements Optimizer {
  private final double momentum;
  private final double weightDecay;
  private final Map<String, NDArray> buffers = new HashMap<>();

  /** SGD with {@code momentum} in [0, 1) and {@code weightDecay} ≥ 0. */
  public Sgd(double momentum, double weightDecay) {
    this.momentum = momentum;
    this.weightDecay = weightDecay;
  }

  @Override
  public void step(Map<String, NDArray> params, double lr) {
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray p = e.getValue();
      try (NDManager scope = p.getManager().newSubManager()) {
        NDArray g = p.getGradient();
        g.attach(scope);
        if (weightDecay > 0) {
          NDArray decay = p.mul(weightDecay);
          decay.attach(scope);
          g = g.add(decay);
        }
        NDArray direction = g;
        if (momentum > 0) {
          NDArray b = buffers.get(e.getKey());
          if (b == null) {
            b = g.duplicate();
            b.attach(p.getManager());
            buffers.put(e.getKey(), b);
          } else {
            b.muli(momentum).addi(g);
          }
          direction = b;
        }
        NDArray update = direction.mul(lr);
        update.attach(scope);
        p.subi(update);
      }
    }
    Gradients.zero(params.values());
  }

  @Override
  public Map<String, NDArray> state() {
    Map<String, NDArray> s = new HashMap<>();
    buffers.forEach((k, v) -> s.put("momentum." + k, v));
    return s;
  }

  @Override
  public void loadState(Map<String, NDArray> state) {
    buffers.clear();
    state.forEach(
        (k, v) -> {
          if (k.startsWith("momentum.")) {
            buffers.put(k.substring("momentum.".length()), v);
          }
        });
  }
}
