/**
 * Character-level models of names: a classifier (surname → nationality) and a generator (a
 * character language model over {@code <BEGIN> name <END>}, optionally conditioned on the
 * nationality), their data, bundle, reports and sampler; the networks are in {@code model.charrnn}.
 * Its YAML is {@code NamesConfig} ({@code task: classify} or {@code generate}).
 */
package dev.seq4j.names;
