/**
 * The {@code seq4j} command: one picocli class per subcommand ({@code TrainCommand}, {@code
 * TranslateCommand}, …), wired by {@link dev.seq4j.cli.Main}; {@link dev.seq4j.cli.Cli} runs a
 * command line and turns errors into one line and exit status 2. Shared pieces: {@code
 * InterruptibleTraining} (progress bar with ETA, SIGINT/SIGTERM save {@code last/}), {@code
 * ConsoleLog} ({@code train.log}, {@code --quiet}, {@code --log-level}), {@code LineOutput} (stdout
 * or a file that appears only when complete), {@code TokenizerOptions}, {@code AttentionFiles},
 * {@code Models} (one or several {@code --model}, an ensemble), {@code LineOutput.chunkSize} (line
 * by line at a terminal or with {@code --line-buffered}). The HTTP server is {@link
 * dev.seq4j.serve}; benchmark workloads and the load client live in the seq4j-bench module, which
 * {@code BenchCommand} only calls and prints.
 *
 * <p>Checklist, a new subcommand:
 *
 * <ol>
 *   <li>One class here, {@code XyzCommand implements Callable<Integer>}, annotated
 *       {@code @Command(name = "xyz", mixinStandardHelpOptions = true, description = …, footer =
 *       {"%nExample:", " ./seq4j xyz …"})}; it parses options, calls the library and prints,
 *       throwing {@code IllegalArgumentException} with a message naming the option for bad input.
 *   <li>Register it in the {@code subcommands} list of {@link dev.seq4j.cli.Main}'s
 *       {@code @Command}.
 *   <li>Name it ({@code ./seq4j xyz …}) in the README's tour, and test it through {@code CliRunner}
 *       in a test class beside {@code CliTest}. {@code MainTest} fails when a registered subcommand
 *       is missing from {@code --help}, has no example or is absent from the README.
 * </ol>
 */
package dev.seq4j.cli;
