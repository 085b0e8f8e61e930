package dev.seq4j.model.rnn;

/**
 * The shape of a stack of recurrent layers, as an encoder or a decoder builds it.
 *
 * @param cell Elman, LSTM or GRU
 * @param input size of the first layer's input (later layers read the previous layer's output)
 * @param hidden hidden size H of each layer (of one direction)
 * @param layers how many layers are stacked
 * @param dropout dropout between layers (training only)
 */
public record LayerStack(CellType cell, int input, int hidden, int layers, double dropout) {}
