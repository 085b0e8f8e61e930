/**
 * PNG charts drawn with Java2D (no external libraries): line plots of training curves and attention
 * heatmaps, written atomically through {@code io}. Knows nothing of training: callers pass series.
 * {@code LinePlot.logY()} draws a log₁₀ y axis (gradient norms); {@code TrainingPlots} draws a
 * run's {@code loss.png}, {@code accuracy.png} and, where there is BLEU, {@code bleu.png}.
 *
 * <p>Checklist, a new training chart: a method in {@code TrainingPlots} reading the {@code
 * metrics.csv} columns it needs and drawing nothing when they are absent, a line in the README's
 * run-directory list, and a test that the file appears.
 */
package dev.seq4j.plot;
