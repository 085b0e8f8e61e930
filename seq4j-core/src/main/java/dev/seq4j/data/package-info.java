/**
 * Corpora: strict, streaming line reading ({@link dev.seq4j.data.TextLines}), parallel corpus
 * readers (plain text pairs, TSV, JSON), corpus statistics. Batching lives in {@code data.batch},
 * generated tasks in {@code data.synthetic}. Add a new corpus format as a reader here and a case in
 * {@link dev.seq4j.data.ParallelCorpus#open}.
 */
package dev.seq4j.data;
