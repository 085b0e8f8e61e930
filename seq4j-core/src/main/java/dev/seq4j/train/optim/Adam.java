package dev.seq4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) exactly as {@code torch.optim.Adam}, with optional L2 weight decay:
 *
 * <pre>
 * g = ∇p + λ·p
 * m = β1·m + (1-β1)·g          v = β2·v + (1-β2)·g²
 * p = p - lr · (m / (1-β1^t)) / (√v / √(1-β2^t) + ε)
 * </pre>
 *
 * The moments are kept scaled, {@code m' = m / (1-β1)} and {@code v' = v / (1-β2)}, so that they
 * update as {@code m' = β1·m' + g} and {@code v' = β2·v' + g²}; the constants move into one scalar
 * of the step:
 *
 * <pre>
 * a = lr·(1-β1) / (1-β1^t)
 * p = p - m' / (√v' · √(1-β2) / (√(1-β2^t)·a) + ε/a)
 * </pre>
 *
 * the same numbers up to rounding, in 10 element-wise passes over each parameter instead of 13 (the
 * update of a large model is bound by memory traffic, not arithmetic).
 */
public final class Adam implements Optimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final Map<String, NDArray> m = new HashMap<>(); // m / (1-β1)
  private final Map<String, NDArray> v = new HashMap<>(); // v / (1-β2)
  private long t;

  /** Adam with PyTorch's defaults β = (0.9, 0.999), ε = 1e-8. */
  public Adam(double weightDecay) {
    this(0.9, 0.999, 1e-8, weightDecay);
  }

  /** Adam with explicit β1, β2, ε and weight decay. */
  public Adam(double beta1, double beta2, double eps, double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  @Override
  public void step(Map<String, NDArray> params, double lr) {
    t++;
    double a = lr * (1 - beta1) / (1 - Math.pow(beta1, t));
    double sqrtScale = Math.sqrt(1 - beta2) / (Math.sqrt(1 - Math.pow(beta2, t)) * a);
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray p = e.getValue();
      try (NDManager scope = p.getManager().newSubManager()) {
        NDArray g = scoped(p.getGradient(), scope);
        if (weightDecay > 0) {
          g = g.add(scoped(p.mul(weightDecay), scope));
        }
        NDArray mt = m.computeIfAbsent(e.getKey(), k -> p.zerosLike());
        NDArray vt = v.computeIfAbsent(e.getKey(), k -> p.zerosLike());
        mt.muli(beta1).addi(g);
        vt.muli(beta2).addi(scoped(g.square(), scope));
        if (a > 0) { // a rate of 0 moves nothing (and would divide by 0 below)
          // results of ops on the long-lived m, v belong to their manager: move them to the scope
          NDArray denom = scoped(vt.sqrt(), scope).muli(sqrtScale).addi(eps / a);
          p.subi(scoped(mt.div(denom), scope));
        }
      }
    }
    Gradients.zero(params.values());
  }

  private static NDArray scoped(NDArray a, NDManager scope) {
    a.attach(scope);
    return a;
  }

  /**
   * The scaled moments under {@code ms.NAME} ({@code m / (1-β1)}) and {@code vs.NAME} ({@code v /
   * (1-β2)}), saved as they are so that a restored optimizer continues bit for bit.
   */
  @Override
  public Map<String, NDArray> state() {
    Map<String, NDArray> s = new HashMap<>();
    m.forEach((k, a) -> s.put("ms." + k, a));
    v.forEach((k, a) -> s.put("vs." + k, a));
    return s;
  }

  /** Key of the step count in {@code trainer.json} (kept for checkpoints of every version). */
  private static final String STEPS_KEY = "adamSteps";

  @Override
  public Map<String, Long> counters() {
    return Map.of(STEPS_KEY, t);
  }

  @Override
  public void loadCounters(Map<String, ?> saved) {
    if (saved.get(STEPS_KEY) instanceof Number n) {
      t = n.longValue();
    }
  }

  /**
   * Restores {@link #state()}; checkpoints written before the moments were scaled hold {@code
   * m.NAME} and {@code v.NAME} unscaled and are converted.
   */
  @Override
  public void loadState(Map<String, NDArray> state) {
    m.clear();
    v.clear();
    state.forEach(
        (k, a) -> {
          if (k.startsWith("ms.")) {
            m.put(k.substring(3), a);
          } else if (k.startsWith("vs.")) {
            v.put(k.substring(3), a);
          } else if (k.startsWith("m.")) {
            m.put(k.substring(2), a.divi(1 - beta1));
          } else if (k.startsWith("v.")) {
            v.put(k.substring(2), a.divi(1 - beta2));
          }
        });
  }
}
