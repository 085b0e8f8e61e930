package dev.seq4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.io.SafeTensors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named, ordered trainable tensors of a model. Each array is created by the registry's manager,
 * requires a gradient, and lives as long as the registry.
 */
public final class Parameters implements AutoCloseable {
  private final NDManager manager;
  private final Map<String, NDArray> arrays = new LinkedHashMap<>();

  /** Creates an empty registry whose arrays belong to a sub-manager of {@code parent}. */
  public Parameters(NDManager parent) {
    this.manager = parent.newSubManager();
  }

  /**
   * Creates a parameter drawn uniformly from {@code [-bound, bound]} (or zeros when bound is 0).
   *
   * @throws IllegalArgumentException if the name is already taken
   */
  public NDArray uniform(String name, Shape shape, double bound) {
    return register(
        name,
        bound == 0
            ? manager.zeros(shape, DataType.FLOAT32)
            : manager.randomUniform((float) -bound, (float) bound, shape, DataType.FLOAT32));
  }

  /** Creates a parameter drawn from N(0, 1), PyTorch's default for embeddings. */
  public NDArray normal(String name, Shape shape) {
    return register(name, manager.randomNormal(shape));
  }

  /** Creates a parameter drawn from N(0, std²). */
  public NDArray normal(String name, Shape shape, double std) {
    return register(name, manager.randomNormal(0f, (float) std, shape, DataType.FLOAT32));
  }

  /** Creates a parameter filled with {@code value} (LayerNorm's gain 1 and bias 0). */
  public NDArray constant(String name, Shape shape, float value) {
    return register(name, manager.full(shape, value, DataType.FLOAT32));
  }

  private NDArray register(String name, NDArray a) {
    if (arrays.containsKey(name)) {
      throw new IllegalArgumentException("parameter '" + name + "' already exists");
    }
    a.setName(name);
    a.setRequiresGradient(true);
    arrays.put(name, a);
    return a;
  }

  /** Redraws every parameter uniformly from {@code [-range, range]} (Sutskever's ±0.08). */
  public void reinitializeUniform(double range) {
    for (NDArray a : arrays.values()) {
      try (NDManager scope = manager.newSubManager()) {
        assign(a, scope.randomUniform((float) -range, (float) range, a.getShape()));
      }
    }
  }

  /** Copies {@code value} into the parameter {@code target} in place (outside autograd). */
  private static void assign(NDArray target, NDArray value) {
    target.setRequiresGradient(false);
    // an indexed copy: set(Buffer) runs libtorch's deprecated AutoNonVariableTypeMode guard,
    // which prints a warning to stderr the first time
    target.set(new NDIndex("..."), value);
    target.setRequiresGradient(true);
  }

  /** The parameters in creation order; the map is read-only. */
  public Map<String, NDArray> asMap() {
    return Collections.unmodifiableMap(arrays);
  }

  /** The array named {@code name}. */
  public NDArray get(String name) {
    NDArray a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no parameter named '" + name + "'");
    }
    return a;
  }

  /** Total number of scalar parameters. */
  public long count() {
    return arrays.values().stream().mapToLong(a -> a.getShape().size()).sum();
  }

  /** The manager that owns the parameters. */
  public NDManager manager() {
    return manager;
  }

  /**
   * Writes all parameters as safetensors: one F32 tensor per parameter, named as registered, in
   * creation order (names and shapes are listed in docs/FORMAT.md).
   */
  public void save(OutputStream out) throws IOException {
    Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
      float[] values = e.getValue().toFloatArray();
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(values);
      tensors.put(
          e.getKey(),
          new SafeTensors.Tensor(SafeTensors.DType.F32, e.getValue().getShape().getShape(), b));
    }
    SafeTensors.write(out, tensors, Map.of("format", "seq4j"));
  }

  /**
   * Loads weights from {@code file}: safetensors, or DJL's NDList encoding that seq4j wrote before
   * (a file named {@code *.params}). Names and shapes must match exactly and every value must be
   * finite; nothing is assigned unless everything checks out.
   *
   * @throws SafeTensors.Invalid for a file that is not well-formed safetensors
   * @throws IllegalArgumentException for a missing, extra, misshapen or non-finite parameter
   */
  public void load(Path file) throws IOException {
    String source = file.toString();
    try (NDManager scope = manager.newSubManager()) {
      List<NDArray> saved =
          file.getFileName().toString().endsWith(".params")
              ? NDList.decode(scope, Files.readAllBytes(file))
              : fromSafeTensors(scope, file);
      if (saved.size() != arrays.size()) {
        throw new IllegalArgumentException(
            source + ": expected " + arrays.size() + " parameters, found " + saved.size());
      }
      for (NDArray a : saved) {
        check(a, source);
      }
      for (NDArray a : saved) {
        assign(arrays.get(a.getName()), a);
      }
    }
  }

  private static List<NDArray> fromSafeTensors(NDManager scope, Path file) throws IOException {
    List<NDArray> out = new ArrayList<>();
    for (Map.Entry<String, SafeTensors.Tensor> e : SafeTensors.read(file).entrySet()) {
      SafeTensors.Tensor t = e.getValue();
      if (t.dtype() != SafeTensors.DType.F32) {
        throw new IllegalArgumentException(
            file + ": parameter '" + e.getKey() + "' is " + t.dtype() + "; seq4j weights are F32");
      }
      NDArray a = scope.create(t.floats(), new Shape(t.shape()));
      a.setName(e.getKey());
      out.add(a);
    }
    return out;
  }

  /**
   * Copies {@code values} into the parameters of the same names (outside autograd); as with {@link
   * #load}, names and shapes must match exactly and every value must be finite, and nothing is
   * assigned unless everything checks out.
   *
   * @param source names where the values come from in error messages
   */
  public void assign(Map<String, NDArray> values, String source) {
    if (values.size() != arrays.size()) {
      throw new IllegalArgumentException(
          source + ": expected " + arrays.size() + " parameters, found " + values.size());
    }
    values.forEach((name, value) -> check(name, value, source));
    values.forEach((name, value) -> assign(arrays.get(name), value));
  }

  /** Checks that {@code saved} is one of these parameters, of its shape, and finite. */
  private void check(NDArray saved, String source) {
    check(saved.getName(), saved, source);
  }

  private void check(String name, NDArray saved, String source) {
    NDArray target = arrays.get(name);
    if (target == null) {
      throw new IllegalArgumentException(source + ": unexpected parameter '" + name + "'");
    }
    if (!target.getShape().equals(saved.getShape())) {
      throw new IllegalArgumentException(
          source
              + ": parameter '"
              + name
              + "' has shape "
              + saved.getShape()
              + ", the model expects "
              + target.getShape());
    }
    long bad = saved.isNaN().logicalOr(saved.isInfinite()).countNonzero().getLong();
    if (bad > 0) {
      throw new IllegalArgumentException(
          String.format(
              "%s: parameter '%s' holds %d non-finite values (NaN or infinite) of %d; refusing"
                  + " to load it",
              source, name, bad, saved.size()));
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
