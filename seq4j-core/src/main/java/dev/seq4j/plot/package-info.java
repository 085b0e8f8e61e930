/**
 * PNG charts drawn with Java2D (no external libraries): line plots of training curves and attention
 * heatmaps, written atomically through {@code io}. Knows nothing of training: callers pass series.
 */
package dev.seq4j.plot;
