package dev.seq4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;

/**
 * A training task whose loss per step, validation figures and faults the test chooses: ten batches
 * an epoch; step s has loss {@code loss(s)} and a zero gradient.
 */
final class ScriptedTask implements TrainingTask<Integer>, SavedModel {
  final Parameters params;
  final NDArray w;
  final LongToDoubleFunction loss;
  final List<Map<String, Double>> validations = new ArrayList<>();
  int evaluations;
  int poisonAtEvaluation = -1;

  /** The save (1-based) that fails as a full disk would, or -1. */
  int diskFullAtSave = -1;

  int saves;

  /** What the loss of step s throws instead of returning (null: nothing). */
  LongFunction<Throwable> faultAtStep = step -> null;

  ScriptedTask(NDManager manager, LongToDoubleFunction loss) {
    this.params = new Parameters(manager);
    this.w = params.constant("w", new Shape(4), 0.5f);
    this.loss = loss;
  }

  @Override
  public SavedModel model() {
    return this;
  }

  @Override
  public List<Integer> batches(long shuffleSeed) {
    return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Override
  public MaskedCrossEntropy.Result loss(Integer batch, NDManager scope, long step) {
    Throwable fault = faultAtStep.apply(step);
    if (fault instanceof RuntimeException e) {
      throw e;
    }
    if (fault instanceof Error e) {
      throw e;
    }
    NDArray sum = w.mul(0).sum().add((float) loss.applyAsDouble(step));
    return new MaskedCrossEntropy.Result(sum, 1, 0);
  }

  @Override
  public String describe(Integer batch) {
    return "batch " + batch + " (32 sentences, 640 target tokens)";
  }

  @Override
  public Map<String, Double> validate() {
    evaluations++;
    if (evaluations == poisonAtEvaluation) {
      w.setRequiresGradient(false);
      w.set(FloatBuffer.wrap(new float[] {0.5f, Float.POSITIVE_INFINITY, Float.NaN, 0.5f}));
      w.setRequiresGradient(true);
    }
    return validations.size() >= evaluations
        ? validations.get(evaluations - 1)
        : new LinkedHashMap<>(Map.of("valid_loss", 1.0, "valid_acc", 0.5));
  }

  @Override
  public void save(Path dir) throws IOException {
    saves++;
    RunDirectory.saveWeights(params, dir);
    if (saves == diskFullAtSave) {
      throw new IOException("No space left on device");
    }
  }

  @Override
  public Parameters parameters() {
    return params;
  }
}
