/** Losses written from {@code logSoftmax}: masked, optionally label-smoothed cross-entropy. */
package dev.seq4j.train.loss;
