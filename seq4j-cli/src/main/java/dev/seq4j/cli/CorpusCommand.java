package dev.seq4j.cli;

import dev.seq4j.data.CorpusStats;
import dev.seq4j.data.GettextCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seq4j corpus}. */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    description = "Corpus tools.",
    footer = {"%nExample:", "  ./seq4j corpus stats data/train.de.gz data/train.en.gz"},
    subcommands = {
      CorpusCommand.Stats.class,
      CorpusCommand.Gettext.class,
      CorpusCommand.Synthetic.class
    })
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

  /** {@code seq4j corpus gettext}. */
  @Command(
      name = "gettext",
      mixinStandardHelpOptions = true,
      description =
          "Export an English–LANG parallel corpus from the gettext catalogs installed on this"
              + " machine (<prefix>/LANG[_REGION]/LC_MESSAGES/*.mo), cleaned (escapes, keyboard"
              + " accelerators, markup and entities removed; placeholders such as %%s and {0} kept"
              + " and checked), deduplicated by source, capped in length, shuffled with a seed and"
              + " split: OUT/{train,valid,test}.{en,LANG} and OUT/{train,valid,test}.json"
              + " ({\"data\":[{\"LANG\":…,\"en\":…}]}), plus OUT/corpus.{en,LANG} with every kept"
              + " pair. Prints the pairs kept and dropped and why.",
      footer = {"%nExample:%n  ./seq4j corpus gettext --lang ko --out data/gettext-ko"})
  public static final class Gettext implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--lang", required = true, description = "language code, e.g. ko")
    String lang;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(
        names = "--prefix",
        description =
            "locale directories to search (default: /usr/share/locale, /usr/local/share/locale, /usr/share/locale-langpack)")
    List<Path> prefixes;

    @Option(
        names = "--valid",
        defaultValue = "1000",
        description = "validation pairs (default: ${DEFAULT-VALUE})")
    int valid;

    @Option(
        names = "--test",
        defaultValue = "1000",
        description = "test pairs (default: ${DEFAULT-VALUE})")
    int test;

    @Option(
        names = "--max-words",
        defaultValue = "30",
        description =
            "drop pairs with a side longer than this many words (default: ${DEFAULT-VALUE})")
    int maxWords;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "seed of the shuffle before the split (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
      if (!lang.matches("[A-Za-z]{2,3}")) {
        throw new IllegalArgumentException(
            "--lang must be a 2- or 3-letter language code, was '" + lang + "'");
      }
      if (lang.equalsIgnoreCase("en")) {
        throw new IllegalArgumentException("--lang en: the catalogs translate from English");
      }
      List<Path> where = prefixes == null ? GettextCorpus.PREFIXES : prefixes;
      GettextCorpus.Options options = new GettextCorpus.Options(maxWords, valid, test, seed);
      GettextCorpus.Report r = GettextCorpus.export(lang, where, out, options);
      if (r.catalogs() == 0) {
        throw new IllegalArgumentException("no catalogs for '" + lang + "' under " + where);
      }
      var o = spec.commandLine().getOut();
      o.printf(
          "gettext: %d catalogs (%d unreadable), %,d pairs kept in %s%n",
          r.catalogs(), r.catalogsUnreadable(), r.kept(), out);
      r.dropped().forEach((reason, n) -> o.printf("gettext: dropped %,d: %s%n", n, reason));
      o.printf(
          "gettext: split (seed %d): train %,d, valid %,d, test %,d%n",
          seed, r.train(), r.valid(), r.test());
      return 0;
    }
  }

  /** {@code seq4j corpus synthetic}. */
  @Command(
      name = "synthetic",
      mixinStandardHelpOptions = true,
      description =
          "Write a generated task as OUT/{train,valid,test}.{src,trg}: 'reverse' (symbol sequences"
              + " to their reverse) or 'dates' (written dates to ISO dates).",
      footer = {
        "%nExample:%n  ./seq4j corpus synthetic --task reverse --min-length 30 --max-length 50 --out data/reverse"
      })
  public static final class Synthetic implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", required = true, description = "reverse or dates")
    String task;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(
        names = "--min-length",
        defaultValue = "5",
        description = "reverse: shortest sequence (default: ${DEFAULT-VALUE})")
    int minLength;

    @Option(
        names = "--max-length",
        defaultValue = "20",
        description = "reverse: longest sequence (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(
        names = "--alphabet",
        defaultValue = "10",
        description = "reverse: number of symbols (default: ${DEFAULT-VALUE})")
    int alphabet;

    @Option(
        names = "--sizes",
        defaultValue = "20000,500,1000",
        split = ",",
        description = "train,valid,test sizes (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
      dev.seq4j.data.synthetic.SyntheticTask t =
          switch (task) {
            case "reverse" ->
                new dev.seq4j.data.synthetic.ReverseTask(minLength, maxLength, alphabet);
            case "dates" -> new dev.seq4j.data.synthetic.DateTask();
            default ->
                throw new IllegalArgumentException(
                    "--task must be reverse or dates, was '" + task + "'");
          };
      if (sizes.size() != 3) {
        throw new IllegalArgumentException(
            "--sizes needs three numbers (train,valid,test), was " + sizes);
      }
      t.writeSplits(out, List.of("train", "valid", "test"), sizes, seed);
      spec.commandLine().getOut().printf("synthetic: %s %s written to %s%n", task, sizes, out);
      return 0;
    }
  }
}
