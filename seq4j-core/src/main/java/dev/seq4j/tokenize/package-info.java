/**
 * Tokenizers (word, character, whitespace, Korean morphological) behind one {@link
 * dev.seq4j.tokenize.Tokenizer} interface, their saved settings ({@link
 * dev.seq4j.tokenize.TokenizerSpec}) and the {@link dev.seq4j.tokenize.Vocabulary}. A subword (BPE)
 * tokenizer belongs here too.
 */
package dev.seq4j.tokenize;
