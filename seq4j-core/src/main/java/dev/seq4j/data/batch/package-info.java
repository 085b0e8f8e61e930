/**
 * Batching: length-bucketed batches by sentence count or token budget ({@link
 * dev.seq4j.data.batch.Batcher}), padded id matrices and masks built from lengths.
 */
package dev.seq4j.data.batch;
