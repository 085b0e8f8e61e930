/**
 * Metrics on strings: corpus BLEU and chrF as sacreBLEU computes them, exact match, perplexity.
 * Statistics records can be summed, so a distributed job reduces them to the exact corpus score.
 */
package dev.seq4j.eval;
