/**
 * The {@code seq4j} command: one class per subcommand, {@link dev.seq4j.cli.Main} wires them. Add a
 * subcommand by writing a picocli {@code @Command} class here and listing it in {@code Main}.
 */
package dev.seq4j.cli;
