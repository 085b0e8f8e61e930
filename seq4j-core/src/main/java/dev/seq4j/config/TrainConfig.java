package dev.seq4j.config;

/**
 * How to train.
 *
 * @param batchTokens token budget per batch; 0 batches by sentence count ({@code batchSize})
 * @param halvingStartEpoch for the halving schedule: after this epoch, halve every half epoch
 * @param warmupSteps for the inverse-sqrt schedule: steps of linear warm-up to {@code learningRate}
 * @param adamBeta1 Adam's β1
 * @param adamBeta2 Adam's β2 (the Transformer paper uses 0.98)
 * @param adamEps Adam's ε
 * @param clipNorm maximum global gradient norm; 0 turns clipping off
 * @param teacherForcing probability that the decoder reads the reference token (1 = always)
 * @param patience evaluations without improvement before stopping; 0 never stops early
 * @param metric validation metric choosing {@code best/} and early stopping
 * @param evalEverySteps evaluate every N steps as well as after each epoch; 0: per epoch only
 * @param nanPolicy what a step whose loss or gradient norm is NaN or infinite does: {@code abort}
 *     (the default) stops the run with a {@code TrainingException}, checkpoints untouched; {@code
 *     skip} drops that step's update and goes on
 * @param maxSkippedShare with {@code nanPolicy: skip}, the largest share of the updates so far that
 *     may be skipped (default 0.05); checked after every step from step 20 on, a run over it stops
 *     with a {@code TrainingException} giving the counts
 * @param divergenceFactor a step whose training loss (per token) is more than this many times the
 *     lowest step loss of the run so far (counted as at least 0.01) stops the run as diverged with
 *     a {@code TrainingException} giving the step and the loss (default 1e4; 0 turns it off,
 *     otherwise it must be above 1). A non-finite validation loss stops a run too, and no
 *     checkpoint is ever saved with a non-finite parameter
 * @param maxSteps stop after this many updates (then evaluate and save); 0: no limit
 * @param timeLimitMinutes stop once training and validation have taken this many minutes of wall
 *     time (then evaluate the partial epoch and save); 0: no limit
 * @param logEvery write a line to {@code steps.jsonl} every N steps (default 50); 0: never
 * @param sampleEvery log greedy translations of a few fixed validation sentences to the console and
 *     {@code samples.txt} every N steps (default 1000; also at each evaluation); 0: never
 * @param gradEvery write the gradient norm of each parameter group to {@code gradients.csv} every N
 *     steps (default 100); 0: never
 * @param keepCheckpoints keep the last N evaluation checkpoints as {@code checkpoints/step-NNNNNN/}
 *     (model files only, written atomically like {@code last/}, the oldest removed), the material
 *     of {@code seq4j average}; 0 (the default) keeps none
 */
public record TrainConfig(
    int epochs,
    int batchSize,
    int batchTokens,
    Optimizer optimizer,
    double learningRate,
    double momentum,
    double weightDecay,
    double adamBeta1,
    double adamBeta2,
    double adamEps,
    Schedule schedule,
    int halvingStartEpoch,
    int warmupSteps,
    double plateauFactor,
    int plateauPatience,
    double clipNorm,
    double labelSmoothing,
    double teacherForcing,
    int patience,
    Metric metric,
    int evalEverySteps,
    boolean shuffle,
    NanPolicy nanPolicy,
    double maxSkippedShare,
    double divergenceFactor,
    long maxSteps,
    double timeLimitMinutes,
    int logEvery,
    int sampleEvery,
    int gradEvery,
    int keepCheckpoints) {

  /** Optimizers. */
  public enum Optimizer {
    ADAM,
    SGD
  }

  /** Learning-rate schedules. */
  public enum Schedule {
    CONSTANT,
    HALVING,
    PLATEAU,
    INVERSE_SQRT
  }

  /** Validation metrics. */
  public enum Metric {
    LOSS,
    ACCURACY,
    BLEU;

    /** Whether a lower value is better. */
    public boolean lowerIsBetter() {
      return this == LOSS;
    }
  }

  /** What a step with a non-finite loss or gradient norm does. */
  public enum NanPolicy {
    ABORT,
    SKIP
  }

  /** Reads the {@code train} section. */
  public static TrainConfig read(Section s) {
    TrainConfig c =
        new TrainConfig(
            (int) s.integer("epochs", 10, 1, 1_000_000),
            (int) s.integer("batchSize", 64, 1, 1_000_000),
            (int) s.integer("batchTokens", 0, 0, Integer.MAX_VALUE),
            s.choice("optimizer", Optimizer.ADAM, Optimizer.class),
            s.number("learningRate", 1e-3, Bound.above(0), Bound.NONE),
            s.number("momentum", 0.0, Bound.atLeast(0), Bound.below(1)),
            s.number("weightDecay", 0.0, Bound.atLeast(0), Bound.NONE),
            s.number("adamBeta1", 0.9, Bound.atLeast(0), Bound.below(1)),
            s.number("adamBeta2", 0.999, Bound.atLeast(0), Bound.below(1)),
            s.number("adamEps", 1e-8, Bound.above(0), Bound.NONE),
            s.choice("schedule", Schedule.CONSTANT, Schedule.class),
            (int) s.integer("halvingStartEpoch", 5, 1, Integer.MAX_VALUE),
            (int) s.integer("warmupSteps", 4000, 1, Integer.MAX_VALUE),
            s.number("plateauFactor", 0.5, Bound.above(0), Bound.below(1)),
            (int) s.integer("plateauPatience", 1, 0, Integer.MAX_VALUE),
            s.number("clipNorm", 1.0, Bound.atLeast(0), Bound.NONE),
            s.number("labelSmoothing", 0.0, Bound.atLeast(0), Bound.below(1)),
            s.number("teacherForcing", 1.0, Bound.atLeast(0), Bound.atMost(1)),
            (int) s.integer("patience", 0, 0, Integer.MAX_VALUE),
            s.choice("metric", Metric.LOSS, Metric.class),
            (int) s.integer("evalEverySteps", 0, 0, Integer.MAX_VALUE),
            s.bool("shuffle", true),
            s.choice("nanPolicy", NanPolicy.ABORT, NanPolicy.class),
            s.number("maxSkippedShare", 0.05, Bound.atLeast(0), Bound.atMost(1)),
            s.number("divergenceFactor", 1e4, Bound.atLeast(0), Bound.NONE),
            s.integer("maxSteps", 0, 0, Long.MAX_VALUE),
            s.number("timeLimitMinutes", 0.0, Bound.atLeast(0), Bound.NONE),
            (int) s.integer("logEvery", 50, 0, Integer.MAX_VALUE),
            (int) s.integer("sampleEvery", 1000, 0, Integer.MAX_VALUE),
            (int) s.integer("gradEvery", 100, 0, Integer.MAX_VALUE),
            (int) s.integer("keepCheckpoints", 0, 0, 10_000));
    s.finish();
    if (c.divergenceFactor > 0 && c.divergenceFactor <= 1) {
      throw s.invalid("divergenceFactor", "must be 0 (off) or above 1, was " + c.divergenceFactor);
    }
    return c;
  }

  /** A copy training for {@code n} epochs. */
  public TrainConfig withEpochs(int n) {
    return new TrainConfig(
        n,
        batchSize,
        batchTokens,
        optimizer,
        learningRate,
        momentum,
        weightDecay,
        adamBeta1,
        adamBeta2,
        adamEps,
        schedule,
        halvingStartEpoch,
        warmupSteps,
        plateauFactor,
        plateauPatience,
        clipNorm,
        labelSmoothing,
        teacherForcing,
        patience,
        metric,
        evalEverySteps,
        shuffle,
        nanPolicy,
        maxSkippedShare,
        divergenceFactor,
        maxSteps,
        timeLimitMinutes,
        logEvery,
        sampleEvery,
        gradEvery,
        keepCheckpoints);
  }
}
