/**
 * Metrics on strings: corpus BLEU ({@code Bleu}), chrF ({@code ChrF}) and TER ({@code Ter}, with
 * its shift search in {@code ShiftSearch} and banded edit distance in {@code BandedEditDistance})
 * as sacreBLEU computes them, each with one or several references and its sacreBLEU signature;
 * exact match, repetition and the classification report. Statistics records can be summed, so a
 * distributed job reduces them to the exact corpus score. No tensors here: callers pass Java
 * strings and arrays. A new metric is one class here with a known-answer test.
 */
package dev.seq4j.eval;
