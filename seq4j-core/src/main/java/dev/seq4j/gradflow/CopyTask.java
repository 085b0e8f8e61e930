package dev.seq4j.gradflow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnCell;
import dev.seq4j.model.rnn.RnnLayer;
import dev.seq4j.train.optim.Adam;
import dev.seq4j.train.optim.GradientClipping;
import dev.seq4j.train.optim.Gradients;
import java.util.Random;

/**
 * The copy task of the gradient-flow experiment: a sequence of {@code length} random symbols out of
 * {@code symbols}, one-hot; the answer, read from the last hidden state, is the first symbol. Every
 * symbol after the first is noise, so the task is learnable only if the gradient of the last step's
 * loss reaches h_1. Chance accuracy is 1/{@code symbols}.
 *
 * <pre>
 * h_t = cell(x_t, h_{t−1})        logits = W_o·h_T + b_o        L = −log softmax(logits)[x_1]
 * </pre>
 */
public final class CopyTask implements AutoCloseable {
  private final Parameters params;
  private final RnnCell cell;
  private final Linear readout;
  private final int symbols;
  private final int length;

  /** A fresh model: {@code type} cell of {@code hidden} units, seeded by {@code seed}. */
  public CopyTask(
      NDManager manager, CellType type, int symbols, int length, int hidden, long seed) {
    Engine.getInstance().setRandomSeed((int) seed);
    this.params = new Parameters(manager);
    this.cell = RnnCell.create(type, params, "cell", symbols, hidden);
    this.readout = new Linear(params, "output", hidden, symbols, true);
    this.symbols = symbols;
    this.length = length;
  }

  /** The recurrent cell. */
  public RnnCell cell() {
    return cell;
  }

  /** The parameters: {@code cell.weight_ih} etc. and {@code output.weight}, {@code output.bias}. */
  public Parameters parameters() {
    return params;
  }

  /** A batch of inputs (B, T, symbols) one-hot, in {@code m}, and its answers. */
  public record Batch(NDArray x, int[] answers) {}

  /** {@code size} random sequences of the task's length from {@code random}. */
  public Batch sample(NDManager m, int size, Random random) {
    return sample(m, size, length, random);
  }

  /** {@code size} random sequences of {@code steps} symbols from {@code random}. */
  Batch sample(NDManager m, int size, int steps, Random random) {
    float[] oneHot = new float[size * steps * symbols];
    int[] answers = new int[size];
    for (int b = 0; b < size; b++) {
      for (int t = 0; t < steps; t++) {
        int s = random.nextInt(symbols);
        oneHot[(b * steps + t) * symbols + s] = 1f;
        if (t == 0) {
          answers[b] = s;
        }
      }
    }
    return new Batch(m.create(oneHot, new Shape(size, steps, symbols)), answers);
  }

  /** The loss of each sequence given its last hidden state {@code hLast} (B, H). */
  public NDArray lossOfLast(NDArray hLast, int[] answers) {
    NDArray logProbs = readout.apply(hLast).logSoftmax(1); // (B, symbols)
    NDArray target = hLast.getManager().create(answers).oneHot(symbols); // (B, symbols)
    return logProbs.mul(target).sum(new int[] {1}).neg(); // (B)
  }

  /**
   * The last hidden state (B, H) over {@code x} from a zero state, by libtorch's fused kernel: the
   * same numbers as the cell's formula step by step ({@code RnnLayerParityTest}) and several times
   * faster to train. The measurement steps the formula itself ({@link GradientFlow}).
   */
  NDArray run(NDArray x) {
    RnnLayer layer = new RnnLayer(cell);
    long batch = x.getShape().get(0);
    return layer
        .run(x, layer.zeroState(x.getManager(), batch), null, RnnLayer.Mode.FUSED)
        .last()
        .h();
  }

  /** Told after each training step its number (from 1), its length and its mean loss. */
  @FunctionalInterface
  public interface Progress {
    void step(int step, int length, double loss);
  }

  /**
   * How the copy task is trained: {@code steps} Adam updates (learning rate {@code lr}, global norm
   * clipped at 1) on batches of {@code batch} fresh sequences. With {@code curriculumStart} below
   * the task's length T, the sequences start that long and grow by a quarter (at least one symbol,
   * at most up to T) whenever the mean loss of the last {@value #WINDOW} steps falls below {@code
   * curriculumLoss}: Bengio et al. 2009's curriculum, as Zaremba and Sutskever 2014 used it for
   * long sequences.
   */
  public record Schedule(
      int steps, int batch, double lr, int curriculumStart, double curriculumLoss) {
    /** Validates the fields. */
    public Schedule {
      if (steps < 0 || batch < 1 || !(lr > 0) || curriculumStart < 1 || !(curriculumLoss > 0)) {
        throw new IllegalArgumentException(
            "steps must be >= 0, batch >= 1, lr > 0, curriculumStart >= 1, curriculumLoss > 0");
      }
    }

    /** No curriculum: every sequence has the task's length. */
    public static Schedule fixed(int steps, int batch, double lr) {
      return new Schedule(steps, batch, lr, Integer.MAX_VALUE, 1);
    }
  }

  /** Steps whose mean loss decides a curriculum's next length. */
  static final int WINDOW = 50;

  /**
   * Trains on {@code schedule}, telling {@code progress} after each step.
   *
   * @return the loss per sequence of the last step
   */
  public double train(Schedule schedule, Random random, Progress progress) {
    Adam adam = new Adam(0.9, 0.999, 1e-8, 0);
    int steps = Math.min(length, schedule.curriculumStart());
    double[] window = new double[WINDOW];
    double loss = Double.NaN;
    for (int s = 1; s <= schedule.steps(); s++) {
      loss = trainStep(adam, schedule, steps, random);
      progress.step(s, steps, loss);
      window[s % WINDOW] = loss;
      if (steps < length && s >= WINDOW && mean(window) < schedule.curriculumLoss()) {
        steps = Math.min(length, steps + Math.max(1, steps / 4));
        java.util.Arrays.fill(window, Double.POSITIVE_INFINITY); // a full window at the new length
      }
    }
    return loss;
  }

  private double trainStep(Adam adam, Schedule schedule, int steps, Random random) {
    try (NDManager scope = params.manager().newSubManager()) {
      Batch b = sample(scope, schedule.batch(), steps, random);
      double loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = lossOfLast(run(b.x()), b.answers()).mean();
        gc.backward(l);
        loss = l.getFloat();
      }
      GradientClipping.clipByGlobalNorm(params.asMap().values(), 1.0);
      adam.step(params.asMap(), schedule.lr());
      return loss;
    }
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** {@code steps} updates at the task's length, no progress reports. */
  public double train(int steps, int batch, double lr, Random random) {
    return train(Schedule.fixed(steps, batch, lr), random, (step, len, loss) -> {});
  }

  /** The share of {@code size} fresh sequences whose first symbol the model names. */
  public double accuracy(int size, Random random) {
    try (NDManager scope = params.manager().newSubManager()) {
      Batch b = sample(scope, size, random);
      int[] predicted =
          readout.apply(run(b.x())).argMax(1).toType(DataType.INT32, false).toIntArray();
      int right = 0;
      for (int i = 0; i < size; i++) {
        right += predicted[i] == b.answers()[i] ? 1 : 0;
      }
      return right / (double) size;
    }
  }

  /** ‖∂L/∂h_t‖ for t = 1…T on {@code size} fresh sequences (see {@link GradientFlow}). */
  public double[] gradientNorms(int size, Random random) {
    try (NDManager scope = params.manager().newSubManager()) {
      Batch b = sample(scope, size, random);
      double[] norms =
          GradientFlow.hiddenGradientNorms(cell, b.x(), h -> lossOfLast(h, b.answers()));
      Gradients.zero(params.asMap().values()); // the measurement is no training step
      return norms;
    }
  }

  @Override
  public void close() {
    params.close();
  }
}
