/**
 * Recurrent models: the Elman, LSTM and GRU cells as their formulas read, one layer run over time
 * (explicitly or with libtorch's fused kernel), the deep and bidirectional encoder, the decoder and
 * the encoder–decoder without attention (Sutskever et al. 2014; Cho et al. 2014).
 *
 * <p>Add a new cell by implementing {@link dev.seq4j.model.rnn.RnnCell} and a {@link
 * dev.seq4j.model.rnn.CellType} constant; a parity test against the fused path is expected.
 */
package dev.seq4j.model.rnn;
