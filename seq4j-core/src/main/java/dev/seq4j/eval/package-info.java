/**
 * Metrics on strings: corpus BLEU and chrF as sacreBLEU computes them, exact match, repetition and
 * the classification report. Statistics records can be summed, so a distributed job reduces them to
 * the exact corpus score. No tensors here: callers pass Java strings and arrays.
 */
package dev.seq4j.eval;
