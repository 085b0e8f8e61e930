/**
 * Experiment configuration: one YAML file per experiment mapped onto typed records. {@link
 * dev.seq4j.config.ConfigLoader} reads and validates a file (and {@code --set key=value}
 * overrides); {@link dev.seq4j.config.ConfigWriter} writes the resolved configuration. Add a
 * setting by adding a record component, reading it in the record's {@code read} method (which holds
 * its default) and writing it in {@code ConfigWriter}.
 */
package dev.seq4j.config;
