/**
 * Corpora: strict, streaming line reading ({@link dev.seq4j.data.TextLines}), parallel corpus
 * readers (plain text pairs, TSV, JSON), gettext catalogs, the names folder, corpus statistics.
 * Batching lives in {@code data.batch}, generated tasks in {@code data.synthetic}. Uses only {@code
 * io}, {@code engine}, {@code config} and {@code tokenize}.
 *
 * <p>A new corpus reader:
 *
 * <ol>
 *   <li>a class implementing {@link dev.seq4j.data.ParallelCorpus.Reader} here, whose errors name
 *       the file and line ({@link dev.seq4j.data.CorpusException});
 *   <li>a constant of {@link dev.seq4j.config.DataConfig.Format} (its YAML name is the constant's,
 *       lowercased, so {@code data.format} accepts it at once);
 *   <li>its case in {@link dev.seq4j.data.ParallelCorpus#open}: the switch does not compile until
 *       the new constant has one;
 *   <li>a test in {@code ParallelCorpusTest} reading a small file it writes itself.
 * </ol>
 */
package dev.seq4j.data;
