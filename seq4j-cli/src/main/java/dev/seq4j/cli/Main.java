package dev.seq4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code seq4j} command. */
@Command(
    name = "seq4j",
    mixinStandardHelpOptions = true,
    versionProvider = InfoCommand.Version.class,
    description = "Neural sequence-to-sequence models on the JVM: train, translate, evaluate.",
    subcommands = {
      QuickstartCommand.class,
      TrainCommand.class,
      TranslateCommand.class,
      EvaluateCommand.class,
      ScoreCommand.class,
      AverageCommand.class,
      ClassifyCommand.class,
      GenerateCommand.class,
      CorpusCommand.class,
      VocabCommand.class,
      BpeCommand.class,
      BenchCommand.class,
      RunsCommand.class,
      GradientsCommand.class,
      ServeCommand.class,
      InfoCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
