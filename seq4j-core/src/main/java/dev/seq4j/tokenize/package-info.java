/**
 * Tokenizers (word, character, whitespace, Korean morphological, BPE subwords) behind one {@link
 * dev.seq4j.tokenize.Tokenizer} interface, their saved settings ({@link
 * dev.seq4j.tokenize.TokenizerSpec}), BPE learning and the {@link dev.seq4j.tokenize.Vocabulary}
 * with its special tokens ({@code config.SpecialTokens}, the one record of YAML and code). Uses
 * only {@code io}, {@code engine} and {@code config}.
 */
package dev.seq4j.tokenize;
