/**
 * Optimizers (SGD with momentum, Adam) that update parameters in place with saveable state,
 * global-norm gradient clipping and learning-rate schedules.
 */
package dev.seq4j.train.optim;
