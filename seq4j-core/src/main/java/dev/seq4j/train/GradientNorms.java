package dev.seq4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gradient norm of each parameter group, the groups derived from the parameter names:
 *
 * <pre>
 * ‖g_G‖ = √(Σ_{p ∈ G} ‖g_p‖²)        Σ_G ‖g_G‖² = ‖g‖²  (the global norm clipping uses)
 * </pre>
 *
 * A name {@code encoder.l0.…} or {@code decoder.3.…} belongs to the layer group {@code encoder.l0}
 * / {@code decoder.3}; any {@code …embedding.…} to {@code embedding}; {@code attention.…} and the
 * attentional layer {@code combine.…} to {@code attention}; every other name to its first segment
 * ({@code output}, {@code encoder} for the final LayerNorm, {@code bridge}, …). The norms are
 * computed natively; one array of group norms comes back to Java.
 */
public final class GradientNorms {
  private static final Pattern LAYER = Pattern.compile("l?\\d+");

  private GradientNorms() {}

  /** The group of the parameter {@code name}. */
  public static String group(String name) {
    String[] parts = name.split("\\.");
    String first = parts[0];
    if (first.endsWith("embedding")) {
      return "embedding";
    }
    if (first.equals("attention") || first.equals("combine")) {
      return "attention";
    }
    if ((first.equals("encoder") || first.equals("decoder"))
        && parts.length > 2
        && LAYER.matcher(parts[1]).matches()) {
      return first + "." + parts[1];
    }
    return first;
  }

  /**
   * The gradient norm of each group of {@code params} (names to parameters), in the order the
   * groups first appear; call it before clipping scales the gradients.
   */
  public static Map<String, Double> byGroup(Map<String, NDArray> params) {
    Map<String, List<NDArray>> groups = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      groups.computeIfAbsent(group(e.getKey()), k -> new ArrayList<>()).add(e.getValue());
    }
    NDManager owner = params.values().iterator().next().getManager();
    Map<String, Double> norms = new LinkedHashMap<>();
    try (NDManager scope = owner.newSubManager()) {
      NDList groupNorms = new NDList();
      for (List<NDArray> members : groups.values()) {
        NDList memberNorms = new NDList();
        for (NDArray p : members) {
          NDArray g = p.getGradient();
          g.attach(scope);
          memberNorms.add(g.norm());
        }
        groupNorms.add(NDArrays.stack(memberNorms).norm());
      }
      float[] values = NDArrays.stack(groupNorms).toFloatArray();
      int i = 0;
      for (String name : groups.keySet()) {
        norms.put(name, (double) values[i++]);
      }
    }
    return norms;
  }
}
