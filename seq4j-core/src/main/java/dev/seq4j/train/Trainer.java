package dev.seq4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.seq4j.config.RunConfig;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.engine.OutOfMemory;
import dev.seq4j.model.Dropout;
import dev.seq4j.plot.TrainingPlots;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import dev.seq4j.train.optim.Adam;
import dev.seq4j.train.optim.GradientClipping;
import dev.seq4j.train.optim.Gradients;
import dev.seq4j.train.optim.LearningRateSchedule;
import dev.seq4j.train.optim.Optimizer;
import dev.seq4j.train.optim.Sgd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop. It knows the model only through a {@link TrainingTask}: per batch the task
 * computes the loss (for a translator, the masked cross-entropy of the teacher-forced logits), the
 * loop back-propagates, clips the global gradient norm and lets the optimizer update the
 * parameters. After each epoch (and every {@code evalEverySteps}) it evaluates, appends a row to
 * {@code metrics.csv}, redraws the plots, saves {@code checkpoints/last} and, when the validation
 * metric improved, {@code checkpoints/best}.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final TrainingTask<?> task;
  private final SavedModel model;
  private final TrainConfig cfg;
  private final long seed;
  private final RunDirectory run;
  private final TrainListener listener;
  private final Optimizer optimizer;
  private final LearningRateSchedule schedule;
  private final CheckpointStore checkpoints;
  private final TrainState state = new TrainState();
  private final DivergenceGuard guard;
  private final TrainingWatch watch;
  private volatile boolean stopRequested;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private MetricsLog metrics;
  private long startedNanos;
  private double watchSeconds; // spent on step logs, gradient norms and samples, this process

  /** A trainer of {@code task} as {@code config} says, writing into {@code runDir}. */
  public Trainer(TrainingTask<?> task, RunConfig config, Path runDir, TrainListener listener) {
    this(task, config, new RunDirectory(runDir), listener);
  }

  /** A trainer of {@code task} as {@code config} says, writing into {@code run}. */
  public Trainer(TrainingTask<?> task, RunConfig config, RunDirectory run, TrainListener listener) {
    this.task = task;
    this.model = task.model();
    this.cfg = config.train();
    this.seed = config.seed();
    this.run = run;
    this.listener = listener;
    this.optimizer =
        cfg.optimizer() == TrainConfig.Optimizer.ADAM
            ? new Adam(cfg.adamBeta1(), cfg.adamBeta2(), cfg.adamEps(), cfg.weightDecay())
            : new Sgd(cfg.momentum(), cfg.weightDecay());
    this.schedule = new LearningRateSchedule(cfg);
    this.checkpoints = run.checkpoints();
    this.guard = new DivergenceGuard(cfg, state);
    this.watch = new TrainingWatch(cfg, run, task.samples());
  }

  /**
   * Trains {@code task} as {@code request} says into {@code dir}, which the caller has opened
   * ({@link RunDirectory#openForTraining}).
   */
  public static TrainResult run(
      TrainingTask<?> task, RunConfig config, RunDirectory dir, TrainingRun request)
      throws IOException {
    Trainer trainer = new Trainer(task, config, dir, request.listener());
    if (request.resume()) {
      trainer.resume();
    }
    request.onTrainer().accept(trainer);
    return trainer.fit();
  }

  /** Asks the loop to save {@code last/} and return at the next step boundary. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Waits until {@link #fit} has returned (after a stop request: saved). */
  public boolean awaitStopped(long seconds) throws InterruptedException {
    return stopped.await(seconds, TimeUnit.SECONDS);
  }

  /** Continues from {@code checkpoints/last} (or best) instead of starting fresh. */
  public void resume() throws IOException {
    Path dir = checkpoints.loadLatestValid(List.of("last", "best"));
    files().restore(dir);
    LOG.info("resuming from {} at epoch {}, batch {}", dir, state.epoch, state.batchInEpoch);
    int dropped = MetricsLog.truncateAfter(run.metricsCsv(), state.step);
    if (dropped > 0) {
      LOG.warn(
          "{}: dropped {} row(s) after step {}, written after the checkpoint resumed from",
          run.metricsCsv(),
          dropped,
          state.step);
    }
  }

  /** Trains until the configured epochs are done, early stopping triggers, or a stop request. */
  public TrainResult fit() throws IOException {
    try {
      return loop(task);
    } finally {
      stopped.countDown();
    }
  }

  private <B> TrainResult loop(TrainingTask<B> task) throws IOException {
    metrics = new MetricsLog(run.metricsCsv());
    startedNanos = System.nanoTime() - (long) (state.seconds * 1e9);
    Optional<TrainOutcome> stop = Optional.empty();
    while (stop.isEmpty() && state.epoch < cfg.epochs()) {
      stop = trainEpoch(task);
    }
    state.seconds = elapsedSeconds();
    return finish(stop.orElse(TrainOutcome.COMPLETED));
  }

  /** The rest of the current epoch and its evaluation; the outcome when the run ends here. */
  private <B> Optional<TrainOutcome> trainEpoch(TrainingTask<B> task) throws IOException {
    List<B> batches = task.batches(seed * 31 + state.epoch);
    while (state.batchInEpoch < batches.size()) {
      Optional<TrainOutcome> stop = stopBeforeStep(batches.size());
      if (stop.isPresent()) {
        return stop;
      }
      double lr = schedule.rate(epochProgress(batches.size()), state.step + 1);
      timedStep(task, batches.get(state.batchInEpoch), lr);
      reportStep(batches.size());
      long watchStart = System.nanoTime();
      watch.afterStep(
          state.step,
          epochProgress(batches.size()),
          lr,
          state.trainTokensTotal,
          state.trainSeconds,
          elapsedSeconds());
      double watched = seconds(watchStart);
      watchSeconds += watched;
      state.trainSeconds += watched; // step logs and samples cost training time
      if (midEpochEvaluationDue(batches.size()) && evaluateNow(epochProgress(batches.size()), lr)) {
        return Optional.of(TrainOutcome.EARLY_STOPPED);
      }
    }
    return endEpoch();
  }

  /**
   * Before a step: at {@code train.maxSteps} or the time limit, evaluates the partial epoch; on a
   * stop request, saves {@code last/}. Either way the run ends with that outcome.
   */
  private Optional<TrainOutcome> stopBeforeStep(int batches) throws IOException {
    boolean outOfSteps = cfg.maxSteps() > 0 && state.step >= cfg.maxSteps();
    if (outOfSteps || outOfTime()) {
      evaluateNow(epochProgress(batches), schedule.rate(state.epoch, state.step));
      return Optional.of(outOfSteps ? TrainOutcome.MAX_STEPS : TrainOutcome.TIME_LIMIT);
    }
    if (stopRequested) {
      state.seconds = elapsedSeconds();
      saveLast();
      return Optional.of(TrainOutcome.INTERRUPTED);
    }
    return Optional.empty();
  }

  /** One update on {@code batch}, its time added to the training time. */
  private <B> void timedStep(TrainingTask<B> task, B batch, double lr) {
    long stepStart = System.nanoTime();
    step(task, batch, lr);
    guard.checkSkippedShare();
    state.trainSeconds += seconds(stepStart);
    state.batchInEpoch++;
  }

  private void reportStep(int batches) {
    listener.onStep(
        state.epoch + 1,
        state.batchInEpoch,
        batches,
        state.windowLoss(),
        state.trainTokensTotal / Math.max(state.trainSeconds, 1e-9));
  }

  /** Every {@code train.evalEverySteps} updates, unless the epoch's own evaluation is next. */
  private boolean midEpochEvaluationDue(int batches) {
    return cfg.evalEverySteps() > 0
        && state.step % cfg.evalEverySteps() == 0
        && state.batchInEpoch < batches;
  }

  /** Closes the epoch with an evaluation; ends the run on early stopping or the time limit. */
  private Optional<TrainOutcome> endEpoch() throws IOException {
    state.batchInEpoch = 0;
    state.epoch++;
    if (evaluateNow(state.epoch, schedule.rate(state.epoch, state.step))) {
      return Optional.of(TrainOutcome.EARLY_STOPPED);
    }
    if (outOfTime() && state.epoch < cfg.epochs()) {
      return Optional.of(TrainOutcome.TIME_LIMIT);
    }
    return Optional.empty();
  }

  /** The epochs done so far, fractional inside an epoch of {@code batches} batches. */
  private double epochProgress(int batches) {
    return state.epoch + state.batchInEpoch / (double) batches;
  }

  /** Brings the elapsed time up to date and evaluates; true when early stopping says stop. */
  private boolean evaluateNow(double epoch, double lr) throws IOException {
    state.seconds = elapsedSeconds();
    return evaluate(epoch, lr);
  }

  private double elapsedSeconds() {
    return seconds(startedNanos);
  }

  /** Whether training and validation together have used up {@code train.timeLimitMinutes}. */
  private boolean outOfTime() {
    return cfg.timeLimitMinutes() > 0 && elapsedSeconds() >= cfg.timeLimitMinutes() * 60;
  }

  private <B> void step(TrainingTask<B> task, B batch, double lr) {
    Map<String, NDArray> params = model.parameters().asMap();
    state.step++;
    Engine.getInstance().setRandomSeed((int) (seed * 1_000_003 + state.step));
    Dropout.seed(seed * 1_000_003 + state.step);
    try (NDManager scope = model.parameters().manager().newSubManager()) {
      MaskedCrossEntropy.Result r;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        r = task.loss(batch, scope, state.step);
        gc.backward(r.sum().div(r.tokens()));
      } catch (RuntimeException | OutOfMemoryError e) {
        if (!OutOfMemory.is(e)) {
          throw e;
        }
        Gradients.zero(params.values());
        guard.skipOutOfMemory(task.describe(batch), e);
        return;
      }
      guard.stepFitInMemory();
      double loss = r.sum().getFloat() / r.tokens();
      watch.beforeClipping(state.step, params);
      double norm = GradientClipping.clipByGlobalNorm(params.values(), cfg.clipNorm());
      watch.afterClipping(loss, norm);
      if (guard.skipStep(loss, norm)) {
        Gradients.zero(params.values());
        return;
      }
      optimizer.step(params, lr);
      state.record(r.sum().getFloat(), r.tokens(), r.correct());
    }
  }

  /** Evaluates, logs, checkpoints; returns true when early stopping says stop. */
  private boolean evaluate(double epoch, double lr) throws IOException {
    Map<String, Double> v = task.validate();
    guard.checkValidation(v);
    files().requireFinite("last");
    Map<String, Object> row = metricsRow(epoch, lr, v);
    metrics.append(row);
    TrainingPlots.write(run.plots(), MetricsLog.read(run.metricsCsv()));
    state.resetWindow();
    boolean improved = recordMetric(validationMetric(v), epoch);
    listener.onEvaluation(row);
    watch.onEvaluation(state.step, epoch);
    saveLast();
    run.saveStepCheckpoint(model, state.step, cfg.keepCheckpoints());
    if (improved || !checkpoints.exists("best")) {
      files().save(checkpoints, "best");
    }
    return cfg.patience() > 0 && state.badEvaluations >= cfg.patience();
  }

  /** The {@code metrics.csv} row of an evaluation with validation figures {@code v}. */
  private Map<String, Object> metricsRow(double epoch, double lr, Map<String, Double> v) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("epoch", round(epoch));
    row.put("step", state.step);
    row.put("learning_rate", lr);
    row.put("train_loss", state.trainLoss());
    row.put("train_acc", state.trainAccuracy());
    row.putAll(v);
    row.put("tokens_per_s", state.trainTokensTotal / Math.max(state.trainSeconds, 1e-9));
    row.put("seconds", round(state.seconds));
    return row;
  }

  /** The figure {@code train.metric} names, NaN when the task does not report it. */
  private double validationMetric(Map<String, Double> v) {
    return switch (cfg.metric()) {
      case LOSS -> v.getOrDefault("valid_loss", Double.NaN);
      case ACCURACY -> v.getOrDefault("valid_acc", Double.NaN);
      case BLEU -> v.getOrDefault("valid_bleu", Double.NaN);
    };
  }

  /**
   * Tells the schedule, and updates the best value and the evaluations without improvement.
   *
   * @return whether {@code metric} is a new best
   */
  private boolean recordMetric(double metric, double epoch) {
    boolean lower = cfg.metric().lowerIsBetter();
    schedule.onValidation(metric, lower);
    boolean improved =
        !Double.isNaN(metric)
            && (Double.isNaN(state.best) || (lower ? metric < state.best : metric > state.best));
    if (improved) {
      state.best = metric;
      state.badEvaluations = 0;
      state.bestEpoch = epoch;
    } else if (!Double.isNaN(metric)) {
      state.badEvaluations++;
    }
    return improved;
  }

  /** The checkpoint files of this trainer's model, optimizer, schedule and counters. */
  private Checkpoints files() {
    return new Checkpoints(model, optimizer, schedule, state);
  }

  private void saveLast() throws IOException {
    files().save(checkpoints, "last");
  }

  private TrainResult finish(TrainOutcome outcome) throws IOException {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("outcome", outcome.label());
    figures.put("epochs", state.epoch);
    figures.put("steps", state.step);
    figures.put("skipped_steps", state.skipped);
    figures.put("seconds", round(state.seconds));
    figures.put("train_seconds", round(state.trainSeconds));
    figures.put("log_seconds", round(watchSeconds));
    figures.put("train_tokens", state.trainTokensTotal);
    figures.put("train_tokens_per_s", state.trainTokensTotal / Math.max(state.trainSeconds, 1e-9));
    figures.put("parameters", model.parameters().count());
    figures.put("metric", cfg.metric().name().toLowerCase());
    figures.put("best_metric", state.best);
    figures.put("best_epoch", state.bestEpoch);
    MetricsLog.writeJson(run.metricsJson(), figures);
    return new TrainResult(outcome, state.epoch, state.step, state.seconds, state.best, figures);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** What a training run ended with. */
  public record TrainResult(
      TrainOutcome outcome,
      int epochs,
      long steps,
      double seconds,
      double bestMetric,
      Map<String, Object> figures) {}
}
