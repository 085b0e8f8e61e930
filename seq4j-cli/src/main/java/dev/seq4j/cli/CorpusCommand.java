package dev.seq4j.cli;

import dev.seq4j.data.CorpusStats;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code seq4j corpus}. */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    description = "Corpus tools.",
    footer = {"%nExample:", "  ./seq4j corpus stats data/train.de.gz data/train.en.gz"},
    subcommands = {CorpusCommand.Stats.class})
public final class CorpusCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code seq4j corpus stats}. */
  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = "Line and token counts, sentence length percentiles and vocabulary size.",
      footer = {"%nExample:%n  ./seq4j corpus stats data/train.de.gz data/train.en.gz"})
  public static final class Stats implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", description = "text files (plain or .gz)")
    List<Path> files;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      out.println(CorpusStats.header());
      for (Path f : files) {
        out.println(CorpusStats.of(f).row(f.toString()));
      }
      return 0;
    }
  }
}
