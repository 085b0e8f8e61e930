package dev.seq4j.train;

import ai.djl.ndarray.NDArray;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.train.optim.GradientClipping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What the trainer shows of itself besides {@code metrics.csv}: {@code steps.jsonl} every {@code
 * train.logEvery} steps ({@link StepLog}), per-group gradient norms every {@code train.gradEvery}
 * steps ({@link GradientLog}) and sample translations every {@code train.sampleEvery} steps and at
 * each evaluation ({@link SampleLog}). The trainer calls it at four points of a step and at each
 * evaluation; it keeps everything else out of the loop.
 *
 * <p>On resume the files are cut back to the lines before the first step logged again, so a step
 * that ran after the last checkpoint appears once.
 */
final class TrainingWatch {
  private final TrainConfig cfg;
  private final RunDirectory run;
  private final StepLog steps;
  private final GradientLog gradients;
  private final SampleLog samples;
  private Map<String, Double> pendingGroups;
  private double loss = Double.NaN;
  private double norm = Double.NaN;
  private long windowTokens;
  private double windowSeconds;
  private boolean started;

  TrainingWatch(TrainConfig cfg, RunDirectory run, SampleTranslations samples) {
    this.cfg = cfg;
    this.run = run;
    this.steps = new StepLog(run.file(StepLog.FILE));
    this.gradients =
        new GradientLog(run.file(GradientLog.FILE), run.plots().resolve("gradients.png"));
    this.samples = new SampleLog(run.file(SampleLog.FILE), samples);
  }

  /** Before clipping scales the gradients of {@code step}: the per-group norms when due. */
  void beforeClipping(long step, Map<String, NDArray> params) {
    pendingGroups = due(step, cfg.gradEvery()) ? GradientNorms.byGroup(params) : null;
  }

  /** After clipping: the step's loss per token and the global norm clipping used. */
  void afterClipping(double stepLoss, double globalNorm) {
    this.loss = stepLoss;
    this.norm = globalNorm;
  }

  /**
   * After step {@code step} (at fractional epoch {@code epoch}, learning rate {@code lr}), with the
   * run's totals so far: writes what is due.
   */
  void afterStep(
      long step, double epoch, double lr, long tokensTotal, double trainSeconds, double elapsed)
      throws IOException {
    if (!started) {
      started = true;
      cutBack(step);
      windowTokens = tokensTotal;
      windowSeconds = trainSeconds;
    }
    if (due(step, cfg.logEvery())) {
      double rate = (tokensTotal - windowTokens) / Math.max(trainSeconds - windowSeconds, 1e-9);
      boolean clipped = GradientClipping.clips(norm, cfg.clipNorm());
      steps.append(new StepLog.Line(step, epoch, loss, lr, norm, clipped, rate, elapsed));
      windowTokens = tokensTotal;
      windowSeconds = trainSeconds;
    }
    if (pendingGroups != null) {
      gradients.append(step, epoch, pendingGroups);
      pendingGroups = null;
    }
    if (due(step, cfg.sampleEvery())) {
      samples.write(step, epoch, "every " + cfg.sampleEvery() + " steps");
    }
  }

  /** At an evaluation: samples (unless just written for this step) and the gradient chart. */
  void onEvaluation(long step, double epoch) throws IOException {
    if (cfg.sampleEvery() > 0 && !due(step, cfg.sampleEvery())) {
      samples.write(step, epoch, "evaluation");
    }
    gradients.draw();
  }

  private static boolean due(long step, int every) {
    return every > 0 && step % every == 0;
  }

  /** Drops the lines of steps at or after {@code firstStep} (left by a run that is resumed). */
  private void cutBack(long firstStep) throws IOException {
    cut(run.file(StepLog.FILE), firstStep, 0, TrainingWatch::jsonStep);
    cut(run.file(GradientLog.FILE), firstStep, 1, line -> Long.parseLong(line.split(",", 2)[0]));
  }

  private static void cut(Path file, long firstStep, int header, ToLongFunction<String> stepOf)
      throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>(lines.subList(0, Math.min(header, lines.size())));
    for (String line : lines.subList(kept.size(), lines.size())) {
      if (!line.isBlank() && stepOf.applyAsLong(line) < firstStep) {
        kept.add(line);
      }
    }
    if (kept.size() < lines.size()) {
      Files.write(file, kept, StandardCharsets.UTF_8);
    }
  }

  private static long jsonStep(String line) {
    int start = line.indexOf("\"step\":") + 7;
    int end = start;
    while (end < line.length() && Character.isDigit(line.charAt(end))) {
      end++;
    }
    return Long.parseLong(line.substring(start, end));
  }
}
