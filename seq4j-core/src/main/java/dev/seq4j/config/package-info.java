/**
 * Generic YAML configuration machinery and the task-independent sections. {@link
 * dev.seq4j.config.ConfigLoader} parses a file (and {@code --set key=value} overrides) into a tree
 * and hands its top {@link dev.seq4j.config.Section} to the reader the caller passes; a section's
 * typed reads ({@code integer}, {@code number}, {@code choice}, …) name their key, so the keys a
 * record reads are the keys it allows. {@link dev.seq4j.config.ConfigWriter} writes any record back
 * (components as keys, enums by their {@link dev.seq4j.config.Choices} names). Here live the
 * sections every task shares: {@code DataConfig}, {@code TrainConfig}, {@code DecodeConfig}, {@code
 * SpecialTokens}, and {@link dev.seq4j.config.RunConfig}, what every experiment has. The records of
 * a task or a model family live with it ({@code translate.TranslationConfig}, {@code
 * names.NamesConfig}, {@code model.rnn.RnnConfig}, …); this package imports none of them.
 *
 * <p>A new setting: add a record component, read it in the record's {@code read} method (which
 * holds its default, or takes it from the record's builder) and check combinations in the compact
 * constructor, throwing {@link dev.seq4j.config.InvalidSetting} with the YAML key; the writer needs
 * no change.
 */
package dev.seq4j.config;
