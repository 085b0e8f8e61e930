/**
 * Recurrent models: the Elman, LSTM and GRU cells as their formulas read ({@link
 * dev.seq4j.model.rnn.CellType} names them for YAML), one layer run over time (explicitly or with
 * libtorch's fused kernel), the deep and bidirectional encoder, the bridge, the decoder, and the
 * encoder–decoder {@link dev.seq4j.model.rnn.RnnSeq2Seq} (Sutskever et al. 2014; Cho et al. 2014),
 * with optional Luong or Bahdanau attention over the encoder states (Luong et al. 2015; Bahdanau et
 * al. 2015), input feeding and a location term. A {@link dev.seq4j.model.rnn.StateProbe} taps one
 * encoder layer's hidden states (how {@code seq4j gradients --trained} reads ∂L/∂h_t). {@link
 * dev.seq4j.model.rnn.RnnConfig} is its {@code model:} section and its options; build one in code
 * with {@code RnnConfig.builder()}.
 *
 * <p>Add a new cell by implementing {@link dev.seq4j.model.rnn.RnnCell} and a {@link
 * dev.seq4j.model.rnn.CellType} constant; a parity test against the fused path is expected. A new
 * attention score belongs in {@code model.attention}.
 */
package dev.seq4j.model.rnn;
