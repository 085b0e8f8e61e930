package dev.seq4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.seq4j.config.RunConfig;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.SavedModel;
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
  private final Path runDir;
  private final TrainListener listener;
  private final Optimizer optimizer;
  private final LearningRateSchedule schedule;
  private final CheckpointStore checkpoints;
  private final TrainState state = new TrainState();
  private volatile boolean stopRequested;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** A trainer of {@code task} as {@code config} says, writing into {@code runDir}. */
  public Trainer(TrainingTask<?> task, RunConfig config, Path runDir, TrainListener listener) {
    this.task = task;
    this.model = task.model();
    this.cfg = config.train();
    this.seed = config.seed();
    this.runDir = runDir;
    this.listener = listener;
    this.optimizer =
        cfg.optimizer() == TrainConfig.Optimizer.ADAM
            ? new Adam(cfg.adamBeta1(), cfg.adamBeta2(), cfg.adamEps(), cfg.weightDecay())
            : new Sgd(cfg.momentum(), cfg.weightDecay());
    this.schedule = new LearningRateSchedule(cfg);
    this.checkpoints = new CheckpointStore(runDir.resolve("checkpoints"));
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
    Checkpoints.restore(dir, model, optimizer, schedule, state);
    LOG.info("resuming from {} at epoch {}, batch {}", dir, state.epoch, state.batchInEpoch);
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
    MetricsLog metrics = new MetricsLog(runDir.resolve("metrics.csv"));
    long started = System.nanoTime() - (long) (state.seconds * 1e9);
    String outcome = "completed";
    outer:
    while (state.epoch < cfg.epochs()) {
      List<B> batches = task.batches(seed * 31 + state.epoch);
      while (state.batchInEpoch < batches.size()) {
        boolean outOfSteps = cfg.maxSteps() > 0 && state.step >= cfg.maxSteps();
        if (outOfSteps || outOfTime(started)) {
          outcome = outOfSteps ? "max-steps" : "time-limit";
          state.seconds = seconds(started);
          evaluate(
              metrics,
              state.epoch + state.batchInEpoch / (double) batches.size(),
              schedule.rate(state.epoch, state.step));
          break outer;
        }
        if (stopRequested) {
          outcome = "interrupted";
          state.seconds = seconds(started);
          saveLast();
          break outer;
        }
        double lr =
            schedule.rate(
                state.epoch + state.batchInEpoch / (double) batches.size(), state.step + 1);
        long stepStart = System.nanoTime();
        step(task, batches.get(state.batchInEpoch), lr);
        state.trainSeconds += seconds(stepStart);
        state.batchInEpoch++;
        listener.onStep(
            state.epoch + 1,
            state.batchInEpoch,
            batches.size(),
            state.windowLoss(),
            state.trainTokensTotal / Math.max(state.trainSeconds, 1e-9));
        if (cfg.evalEverySteps() > 0
            && state.step % cfg.evalEverySteps() == 0
            && state.batchInEpoch < batches.size()) {
          state.seconds = seconds(started);
          if (evaluate(metrics, state.epoch + state.batchInEpoch / (double) batches.size(), lr)) {
            outcome = "early-stopped";
            break outer;
          }
        }
      }
      state.batchInEpoch = 0;
      state.epoch++;
      state.seconds = seconds(started);
      if (evaluate(metrics, state.epoch, schedule.rate(state.epoch, state.step))) {
        outcome = "early-stopped";
        break;
      }
      if (outOfTime(started) && state.epoch < cfg.epochs()) {
        outcome = "time-limit";
        break;
      }
    }
    state.seconds = seconds(started);
    return finish(outcome);
  }

  /** Whether training and validation together have used up {@code train.timeLimitMinutes}. */
  private boolean outOfTime(long started) {
    return cfg.timeLimitMinutes() > 0 && seconds(started) >= cfg.timeLimitMinutes() * 60;
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
      }
      double loss = r.sum().getFloat() / r.tokens();
      double norm = GradientClipping.clipByGlobalNorm(params.values(), cfg.clipNorm());
      if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
        Gradients.zero(params.values());
        if (cfg.nanPolicy() == TrainConfig.NanPolicy.ABORT) {
          throw new TrainingException(
              String.format(
                  "non-finite %s at epoch %d, step %d: training stopped; checkpoints were not"
                      + " overwritten (lower train.learningRate, set train.clipNorm, or"
                      + " train.nanPolicy=skip)",
                  Double.isFinite(loss) ? "gradient norm" : "loss (" + loss + ")",
                  state.epoch + 1,
                  state.step));
        }
        state.skipped++;
        LOG.warn("skipped step {}: non-finite loss or gradient", state.step);
        return;
      }
      optimizer.step(params, lr);
      state.record(r.sum().getFloat(), r.tokens(), r.correct());
    }
  }

  /** Evaluates, logs, checkpoints; returns true when early stopping says stop. */
  private boolean evaluate(MetricsLog metrics, double epoch, double lr) throws IOException {
    Map<String, Double> v = task.validate();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("epoch", round(epoch));
    row.put("step", state.step);
    row.put("learning_rate", lr);
    row.put("train_loss", state.trainLoss());
    row.put("train_acc", state.trainAccuracy());
    row.putAll(v);
    row.put("tokens_per_s", state.trainTokensTotal / Math.max(state.trainSeconds, 1e-9));
    row.put("seconds", round(state.seconds));
    metrics.append(row);
    TrainingPlots.write(runDir.resolve("plots"), MetricsLog.read(runDir.resolve("metrics.csv")));
    state.resetWindow();
    double metric =
        switch (cfg.metric()) {
          case LOSS -> v.getOrDefault("valid_loss", Double.NaN);
          case ACCURACY -> v.getOrDefault("valid_acc", Double.NaN);
          case BLEU -> v.getOrDefault("valid_bleu", Double.NaN);
        };
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
    listener.onEvaluation(row);
    saveLast();
    if (improved || !checkpoints.exists("best")) {
      checkpoints.save("best", dir -> Checkpoints.write(dir, model, optimizer, schedule, state));
    }
    return cfg.patience() > 0 && state.badEvaluations >= cfg.patience();
  }

  private void saveLast() throws IOException {
    checkpoints.save("last", dir -> Checkpoints.write(dir, model, optimizer, schedule, state));
  }

  private TrainResult finish(String outcome) throws IOException {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("outcome", outcome);
    figures.put("epochs", state.epoch);
    figures.put("steps", state.step);
    figures.put("skipped_steps", state.skipped);
    figures.put("seconds", round(state.seconds));
    figures.put("train_seconds", round(state.trainSeconds));
    figures.put("train_tokens", state.trainTokensTotal);
    figures.put("train_tokens_per_s", state.trainTokensTotal / Math.max(state.trainSeconds, 1e-9));
    figures.put("parameters", model.parameters().count());
    figures.put("metric", cfg.metric().name().toLowerCase());
    figures.put("best_metric", state.best);
    figures.put("best_epoch", state.bestEpoch);
    MetricsLog.writeJson(runDir.resolve("metrics.json"), figures);
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
      String outcome,
      int epochs,
      long steps,
      double seconds,
      double bestMetric,
      Map<String, Object> figures) {}
}
