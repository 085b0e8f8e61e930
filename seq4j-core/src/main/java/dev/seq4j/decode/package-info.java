/**
 * Decoding strategies over any {@link dev.seq4j.model.Seq2SeqModel}: {@link
 * dev.seq4j.decode.Greedy} (argmax, or another {@link dev.seq4j.decode.TokenChooser} such as {@link
 * dev.seq4j.decode.Sampling}), {@link dev.seq4j.decode.BeamSearch} with {@link
 * dev.seq4j.decode.LengthPenalty} and {@link dev.seq4j.decode.Hypothesis} results, and the output
 * length cap {@link dev.seq4j.decode.LengthLimit}; repetition control on each step's logits ({@link
 * dev.seq4j.decode.RepetitionControl}: n-gram blocking, CTRL's penalty) and GNMT's {@link
 * dev.seq4j.decode.CoveragePenalty} on finished hypotheses; {@link dev.seq4j.decode.Ensemble}, a
 * {@code Seq2SeqModel} over several models' steps (mean log-probabilities). Decoders take and
 * return Java arrays, never NDArrays, and run each call in a sub-manager. Nothing here knows a task
 * or a tokenizer.
 *
 * <p>How a model family plugs in: it implements {@code Seq2SeqModel}'s {@code encode} (source ids
 * and lengths to a first {@link dev.seq4j.model.DecoderState}) and {@code step} (the previous
 * tokens and a state to the logits, the next state and, when it attends, the attention weights),
 * and its state implements {@code DecoderState}: {@code attach} (move its arrays to the scope that
 * outlives the step), {@code select} (beam search expanding each sentence to K rows) and {@code
 * reorder} (keeping, copying and dropping hypotheses; what depends only on the source may be
 * shared). The decoders call nothing else and never test a model's class, so a new family needs no
 * change here. A new strategy is a class here over the same three calls, with a test against {@code
 * Greedy} (beam size 1 gives greedy's output).
 *
 * <p>Checklist, a new decode-time setting ({@code decode.X}): the field, its default and range in
 * {@code config.DecodeConfig} (and its {@code withSearch} copy); a small record here that the
 * decoders take through a {@code withX} copy (as {@code withRepetition}, {@code withCoverage}); the
 * wiring in {@code translate.Translator}'s constructor (a model it cannot apply to is refused there
 * with {@code config.InvalidSetting} naming the key); a known-answer test on {@code ScriptedModel}
 * (logits and attention you choose); the README's decoding paragraph and the CHANGELOG.
 */
package dev.seq4j.decode;
