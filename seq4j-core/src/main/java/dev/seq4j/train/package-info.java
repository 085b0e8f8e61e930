/**
 * Training, the same for every task: the loop ({@link dev.seq4j.train.Trainer}) and why it ended
 * ({@link dev.seq4j.train.TrainOutcome}), what a task supplies ({@link
 * dev.seq4j.train.TrainingTask}), the run directory and its layout ({@link
 * dev.seq4j.train.RunDirectory}), crash-safe checkpoints ({@link dev.seq4j.train.CheckpointStore}),
 * {@code metrics.csv}/{@code metrics.json} ({@link dev.seq4j.train.MetricsLog}) and progress
 * callbacks ({@link dev.seq4j.train.TrainListener}). Sub-packages: {@code loss} (masked
 * cross-entropy), {@code optim} (optimizers, clipping, schedules). Nothing here knows a task.
 *
 * <p>A new task (see {@code translate.TranslationExperiment}, {@code names.NamesExperiment}):
 *
 * <ol>
 *   <li>a bundle implementing {@link dev.seq4j.train.SavedModel}: {@code save(dir)} writes {@value
 *       dev.seq4j.train.RunDirectory#CONFIG}, the task's vocabularies and, through {@link
 *       dev.seq4j.train.RunDirectory#saveWeights}, {@value dev.seq4j.train.RunDirectory#WEIGHTS};
 *       {@code load(dir)} reads {@link dev.seq4j.train.RunDirectory#checkpoint}{@code (dir)} and
 *       finishes with {@link dev.seq4j.train.RunDirectory#loadWeights};
 *   <li>a {@link dev.seq4j.train.TrainingTask}: the epoch's batches (the same for the same seed, so
 *       a resumed run continues exactly), the loss of one batch, the validation figures keyed as
 *       {@code metrics.csv} columns ({@code valid_loss}, {@code valid_acc}, …);
 *   <li>the run: {@code try (RunLock l = run.openForTraining(resume, yaml))} on a {@link
 *       dev.seq4j.train.RunDirectory}, prepare the data, build the bundle, {@link
 *       dev.seq4j.train.Trainer#run}, then unless the outcome is {@code INTERRUPTED} {@link
 *       dev.seq4j.train.RunDirectory#loadBest}, evaluate on the test data and write the task's
 *       reports with {@link dev.seq4j.train.RunDirectory#file}.
 * </ol>
 */
package dev.seq4j.train;
