package dev.seq4j.model;

/**
 * What a decoder carries from one step to the next for a batch of rows (recurrent states, cached
 * keys and values, encoder outputs). Implementations are immutable: a step returns a new state.
 */
public interface DecoderState {}
