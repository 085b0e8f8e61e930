/**
 * Training, the same for every task: the loop ({@link dev.seq4j.train.Trainer}) and why it ended
 * ({@link dev.seq4j.train.TrainOutcome}), what a task supplies ({@link
 * dev.seq4j.train.TrainingTask}), the run directory and its layout ({@link
 * dev.seq4j.train.RunDirectory}), crash-safe checkpoints ({@link dev.seq4j.train.CheckpointStore}),
 * {@code metrics.csv}/{@code metrics.json} ({@link dev.seq4j.train.MetricsLog}) and progress
 * callbacks ({@link dev.seq4j.train.TrainListener}). What a run shows of itself besides {@code
 * metrics.csv} ({@code TrainingWatch}, called at a few hook points of the loop): {@code
 * steps.jsonl} ({@link dev.seq4j.train.StepLog}), per-group gradient norms ({@link
 * dev.seq4j.train.GradientNorms}, {@link dev.seq4j.train.GradientLog}) and sample translations the
 * task supplies ({@link dev.seq4j.train.SampleTranslations}, {@link dev.seq4j.train.SampleLog});
 * the table of runs ({@link dev.seq4j.train.RunSummary}). Sub-packages: {@code loss} (masked
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
 *       {@code metrics.csv} columns ({@code valid_loss}, {@code valid_acc}, …); optionally {@link
 *       dev.seq4j.train.TrainingTask#samples} (a few fixed inputs decoded while training);
 *   <li>the run: {@code try (RunLock l = run.openForTraining(resume, yaml))} on a {@link
 *       dev.seq4j.train.RunDirectory}, prepare the data, build the bundle, {@link
 *       dev.seq4j.train.Trainer#run}, then unless the outcome is {@code INTERRUPTED} {@link
 *       dev.seq4j.train.RunDirectory#loadBest}, evaluate on the test data and write the task's
 *       reports with {@link dev.seq4j.train.RunDirectory#file}.
 * </ol>
 *
 * <p>Numbered checkpoints ({@code train.keepCheckpoints}) are written by {@link
 * dev.seq4j.train.RunDirectory#saveStepCheckpoint} and averaged by {@link
 * dev.seq4j.train.ModelAverage}, which reads and writes weights only through {@code Parameters} and
 * the task's {@code SavedModel}, never a file name.
 *
 * <p>Checklist, a new per-step record: a small class writing its file (as {@code StepLog}), its
 * interval in {@code TrainConfig} (documented there and in the README), a call from {@code
 * TrainingWatch} (not from {@code Trainer}), the cut-back on resume in {@code
 * TrainingWatch.cutBack}, and a test in {@code TrainingWatchTest} that counts and parses the lines.
 */
package dev.seq4j.train;
