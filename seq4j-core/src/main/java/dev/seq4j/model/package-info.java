/**
 * Models: parameters, embeddings, linear layers, and the model families in sub-packages ({@code
 * rnn}, {@code attention} and {@code transformer}).
 *
 * <p>Glossary of dimension letters used in shape comments:
 *
 * <pre>
 * B  batch size (sentences)          S  source length (tokens)
 * T  target length (tokens)          E  embedding size
 * H  hidden size of one direction    L  number of layers
 * V  vocabulary size                 D  directions (1 or 2)
 * d  Transformer model width         h  attention heads (d_k = d / h)
 * </pre>
 *
 * Parameters are plain NDArrays owned by a {@link dev.seq4j.model.Parameters} registry; a forward
 * pass runs in a per-batch sub-manager so that every intermediate dies with it.
 */
package dev.seq4j.model;
