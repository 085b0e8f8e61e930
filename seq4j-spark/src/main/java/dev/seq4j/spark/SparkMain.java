package dev.seq4j.spark;

import dev.seq4j.io.AtomicFiles;
import dev.seq4j.tokenize.TokenizerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seq4j spark translate | evaluate | vocab}: the jobs of this module on an embedded {@code
 * local[*]} Spark, or on a cluster through {@code spark-submit --class dev.seq4j.spark.SparkMain}.
 */
@Command(
    name = "seq4j spark",
    mixinStandardHelpOptions = true,
    subcommands = {SparkMain.Translate.class, SparkMain.Evaluate.class, SparkMain.Vocab.class},
    description =
        "seq4j's batch jobs on Apache Spark (local[*] unless --master or spark-submit says otherwise).")
public final class SparkMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line; errors are one line, exit status 2. */
  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new SparkMain());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable t = ex;
          while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
          }
          commandLine.getErr().println("seq4j spark: error: " + t.getMessage());
          return 2;
        });
    System.exit(cl.execute(args));
  }

  /** Options every job has. */
  static class Common {
    @Option(
        names = "--master",
        description = "Spark master when not run by spark-submit (default: local[*])")
    String master;

    SparkSession session(String name) {
      SparkSession.Builder b = SparkSession.builder().appName("seq4j " + name);
      if (master != null) {
        b.master(master);
      } else if (System.getProperty("spark.master") == null) {
        b.master("local[*]").config("spark.ui.enabled", "false");
      }
      return b.getOrCreate();
    }
  }

  /** {@code seq4j spark translate}. */
  @Command(
      name = "translate",
      mixinStandardHelpOptions = true,
      description =
          "Translate a text file (one sentence per line: the output has one line per input line,"
              + " in order) or a column of a JSON or Parquet dataset (the output keeps every column"
              + " and adds translation and error).",
      footer = {
        "%nExample:",
        "  ./seq4j spark translate --model runs/m30k --input test.de --output test.hyp.en"
      })
  static final class Translate extends Common implements Callable<Integer> {
    @Option(
        names = "--model",
        required = true,
        description = "model directory (readable by every executor)")
    String model;

    @Option(names = "--input", required = true, description = "input file or dataset")
    String input;

    @Option(
        names = "--output",
        required = true,
        description = "output file (text) or directory (json, parquet)")
    String output;

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text, json or parquet (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
        names = "--column",
        defaultValue = "value",
        description = "json/parquet: the column to translate (default: ${DEFAULT-VALUE})")
    String column;

    @Option(
        names = "--set",
        paramLabel = "decode.KEY=VALUE",
        description = "decoding setting, as seq4j translate --set")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      if (Path.of(output).toAbsolutePath().equals(Path.of(input).toAbsolutePath())) {
        throw new IllegalArgumentException(
            "--output " + output + " is the input: refusing to overwrite it");
      }
      try (SparkSession spark = session("translate")) {
        switch (format) {
          case "text" -> {
            // split the file into one partition per core at least (textFile keeps the order)
            int parts = Math.max(2, spark.sparkContext().defaultParallelism());
            Dataset<Row> lines =
                spark.createDataFrame(
                    JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .textFile(input, parts)
                        .map(RowFactory::create),
                    new StructType().add("value", "string"));
            Dataset<Row> out = DistributedTranslation.translate(lines, "value", model, overrides);
            List<String> translations = new ArrayList<>();
            long errors = 0;
            for (Row r : out.select("translation", "error").collectAsList()) {
              translations.add(r.isNullAt(0) ? "" : r.getString(0));
              errors += r.isNullAt(1) ? 0 : 1;
            }
            StringBuilder text = new StringBuilder();
            translations.forEach(t -> text.append(t).append('\n'));
            AtomicFiles.write(Path.of(output), text.toString());
            System.out.printf(
                "spark translate: %d lines, %d errors -> %s%n",
                translations.size(), errors, output);
          }
          case "json", "parquet" -> {
            Dataset<Row> in = spark.read().format(format).load(input);
            DistributedTranslation.translate(in, column, model, overrides)
                .write()
                .format(format)
                .save(output);
            System.out.printf("spark translate: %s -> %s%n", input, output);
          }
          default ->
              throw new IllegalArgumentException(
                  "--format must be text, json or parquet, was '" + format + "'");
        }
      }
      return 0;
    }
  }

  /** {@code seq4j spark evaluate}. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description =
          "Corpus BLEU and chrF of line-aligned hypothesis and reference files, reduced from per-partition statistics.",
      footer = {"%nExample:", "  ./seq4j spark evaluate --hyp test.hyp.en --ref test.en"})
  static final class Evaluate extends Common implements Callable<Integer> {
    @Option(names = "--hyp", required = true, description = "hypotheses, one per line")
    String hyp;

    @Option(names = "--ref", required = true, description = "references, one per line")
    String ref;

    @Override
    public Integer call() throws Exception {
      try (SparkSession spark = session("evaluate")) {
        JavaPairRDD<Long, String> h = indexed(spark, hyp);
        JavaPairRDD<Long, String> r = indexed(spark, ref);
        long nh = h.count();
        long nr = r.count();
        if (nh != nr) {
          throw new IllegalArgumentException(
              "parallel files differ in line count: "
                  + hyp
                  + " has "
                  + nh
                  + " lines, "
                  + ref
                  + " has "
                  + nr);
        }
        Dataset<Row> pairs =
            spark.createDataFrame(
                h.join(r).values().map(t -> RowFactory.create(t._1(), t._2())),
                new StructType().add("hyp", "string").add("ref", "string"));
        DistributedScore.Scores s = DistributedScore.score(pairs, "hyp", "ref");
        System.out.printf(
            "sentences %d%nbleu      %.4f%nchrf      %.4f%n", s.sentences(), s.bleu(), s.chrf());
      }
      return 0;
    }

    private static JavaPairRDD<Long, String> indexed(SparkSession spark, String file) {
      return spark
          .read()
          .text(file)
          .as(Encoders.STRING())
          .toJavaRDD()
          .zipWithIndex()
          .mapToPair(t -> new scala.Tuple2<>(t._2(), t._1()));
    }
  }

  /** {@code seq4j spark vocab}. */
  @Command(
      name = "vocab",
      mixinStandardHelpOptions = true,
      description =
          "Token counts of a large corpus (TOKEN<TAB>COUNT, most frequent first), or with --bpe-pairs the adjacent symbol pairs BPE starts from.",
      footer = {
        "%nExample:",
        "  ./seq4j spark vocab --input train.en --tokenizer word --out en.counts"
      })
  static final class Vocab extends Common implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "text, one sentence per line")
    String input;

    @Option(names = "--out", required = true, description = "output TSV")
    Path out;

    @Option(
        names = "--tokenizer",
        defaultValue = "word",
        description = "word, space, char or korean (default: ${DEFAULT-VALUE})")
    String tokenizer;

    @Option(names = "--lowercase", description = "lowercase first")
    boolean lowercase;

    @Option(
        names = "--bpe-pairs",
        description = "count BPE's adjacent symbol pairs instead of tokens")
    boolean pairs;

    @Override
    public Integer call() throws Exception {
      try (SparkSession spark = session("vocab")) {
        Dataset<String> lines = spark.read().text(input).as(Encoders.STRING());
        TokenizerSpec s = new TokenizerSpec(tokenizer, lowercase);
        Map<String, Long> counts =
            pairs ? DistributedCounts.symbolPairs(lines, s) : DistributedCounts.tokens(lines, s);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        StringBuilder tsv = new StringBuilder();
        sorted.forEach(e -> tsv.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
        AtomicFiles.write(out, tsv.toString());
        System.out.printf(
            "spark vocab: %d %s -> %s%n", sorted.size(), pairs ? "pairs" : "tokens", out);
      }
      return 0;
    }
  }
}
