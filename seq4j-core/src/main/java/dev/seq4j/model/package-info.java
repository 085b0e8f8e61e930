/**
 * Models: parameters, embeddings, linear layers, dropout, the {@link dev.seq4j.model.Seq2SeqModel}
 * interface decoders drive, and the model families in sub-packages: {@code rnn} (recurrent
 * encoder–decoder, with or without attention), {@code attention} (the scores and the attention
 * step), {@code transformer}, and {@code charrnn} (character-level networks of names). Each
 * family's settings are one record in its package ({@code RnnConfig}, {@code TransformerConfig},
 * {@code CharRnnConfig}): the YAML section, its validation and the options its model is built from.
 * {@link dev.seq4j.model.ModelConfig#build} makes a sequence-to-sequence model from its record.
 *
 * <p>A new model family: (1) a package {@code model/<family>} with its model implementing {@code
 * Seq2SeqModel}; (2) its settings record implementing {@code ModelConfig}, with a static {@code
 * read(Section)} (defaults there or in its builder), a compact constructor that validates, and
 * {@code build}; (3) one constant in {@code translate.ModelFamily}, e.g. {@code
 * CONV(ConvConfig.class, ConvConfig::read)}, which gives the {@code model.type} name. The writer,
 * the loader and the bundle need no change.
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
