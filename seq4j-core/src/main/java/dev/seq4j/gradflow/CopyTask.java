package dev.seq4j.gradflow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.rnn.CellState;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnCell;
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

  /** A batch of inputs (B, T, symbols) one-hot, in {@code m}, and its answers. */
  public record Batch(NDArray x, int[] answers) {}

  /** {@code size} random sequences from {@code random}. */
  public Batch sample(NDManager m, int size, Random random) {
    float[] oneHot = new float[size * length * symbols];
    int[] answers = new int[size];
    for (int b = 0; b < size; b++) {
      for (int t = 0; t < length; t++) {
        int s = random.nextInt(symbols);
        oneHot[(b * length + t) * symbols + s] = 1f;
        if (t == 0) {
          answers[b] = s;
        }
      }
    }
    return new Batch(m.create(oneHot, new Shape(size, length, symbols)), answers);
  }

  /** The loss of each sequence given its last hidden state {@code hLast} (B, H). */
  public NDArray lossOfLast(NDArray hLast, int[] answers) {
    NDArray logProbs = readout.apply(hLast).logSoftmax(1); // (B, symbols)
    NDArray target = hLast.getManager().create(answers).oneHot(symbols); // (B, symbols)
    return logProbs.mul(target).sum(new int[] {1}).neg(); // (B)
  }

  /** The last hidden state (B, H) over {@code x} from a zero state. */
  NDArray run(NDArray x) {
    long batch = x.getShape().get(0);
    NDArray zero = x.getManager().zeros(new Shape(batch, cell.hidden()));
    CellState state = new CellState(zero, zero);
    for (int t = 0; t < length; t++) {
      state = cell.step(x.get(new NDIndex(":, {}, :", t)), state);
    }
    return state.h();
  }

  /**
   * Trains {@code steps} Adam updates (learning rate {@code lr}, global norm clipped at 1) on
   * batches of {@code batch} fresh sequences.
   *
   * @return the loss per sequence of the last step
   */
  public double train(int steps, int batch, double lr, Random random) {
    Adam adam = new Adam(0.9, 0.999, 1e-8, 0);
    double loss = Double.NaN;
    for (int s = 0; s < steps; s++) {
      try (NDManager scope = params.manager().newSubManager()) {
        Batch b = sample(scope, batch, random);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray l = lossOfLast(run(b.x()), b.answers()).mean();
          gc.backward(l);
          loss = l.getFloat();
        }
        GradientClipping.clipByGlobalNorm(params.asMap().values(), 1.0);
        adam.step(params.asMap(), lr);
      }
    }
    return loss;
  }

  /** The share of {@code size} fresh sequences whose first symbol the model names. */
  public double accuracy(int size, Random random) {
    try (NDManager scope = params.manager().newSubManager()) {
      Batch b = sample(scope, size, random);
      int[] predicted =
          readout
              .apply(run(b.x()))
              .argMax(1)
              .toType(ai.djl.ndarray.types.DataType.INT32, false)
              .toIntArray();
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
