/**
 * Decoding strategies over a {@link dev.seq4j.model.Seq2SeqModel}: {@link dev.seq4j.decode.Greedy}
 * now; beam search and sampling belong here too. Decoders take and return Java arrays, never
 * NDArrays, and run each call in a sub-manager.
 */
package dev.seq4j.decode;
