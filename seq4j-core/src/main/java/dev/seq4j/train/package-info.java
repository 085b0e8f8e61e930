/**
 * Training: the loop ({@link dev.seq4j.train.Trainer}), evaluation during training, run
 * directories. Sub-packages: {@code loss} (masked cross-entropy), {@code optim} (optimizers,
 * clipping, schedules), {@code io} (checkpoints, metrics, locks).
 */
package dev.seq4j.train;
