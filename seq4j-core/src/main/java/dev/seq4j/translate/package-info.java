/**
 * The translation task: the saved translation model ({@code TranslationBundle}: config,
 * vocabularies, BPE merges, weights), text-in text-out decoding ({@code Translator}), the parallel
 * data of a run ({@code Dataset}), validation ({@code Evaluator}), the training task the generic
 * trainer runs ({@code TranslationTask}) and a whole run ({@code TranslationExperiment}). Its YAML
 * is {@code TranslationConfig} ({@code task: translate}); {@code ModelFamily} maps {@code
 * model.type} to the model family's record (one constant per family). Several bundles make an
 * ensemble ({@code Ensembles} checks that they share vocabularies and tokenization; {@code
 * Translator} and {@code Evaluator} take a list).
 */
package dev.seq4j.translate;
