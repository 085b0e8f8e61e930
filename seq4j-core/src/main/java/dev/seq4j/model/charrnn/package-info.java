/**
 * Character-level recurrent networks of names: {@link dev.seq4j.model.charrnn.NameClassifier}
 * (surname → nationality) and {@link dev.seq4j.model.charrnn.NameGenerator} (a character language
 * model, optionally conditioned on the nationality), both built from {@link
 * dev.seq4j.model.charrnn.CharRnnConfig}, the {@code model:} section of a {@code classify} or
 * {@code generate} YAML. The task around them (data, bundle, training, sampling) is in {@code
 * names}.
 */
package dev.seq4j.model.charrnn;
