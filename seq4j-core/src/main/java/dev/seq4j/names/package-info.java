/**
 * Character-level models of names: a classifier (surname → nationality) and a generator (a
 * character language model over {@code <BEGIN> name <END>}, optionally conditioned on the
 * nationality), their data, bundle, reports and sampler.
 */
package dev.seq4j.names;
