package dev.seq4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seq4j.data.TextLines;
import dev.seq4j.engine.Engines;
import dev.seq4j.eval.Repetition;
import dev.seq4j.translate.Evaluator;
import dev.seq4j.translate.Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j evaluate}. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Translate --src with a model and score it against --ref: BLEU and chrF (sacreBLEU"
            + " defaults), exact match, token accuracy, perplexity, and repetition: the share of"
            + " outputs (and, as a baseline, of references) in which a word n-gram (n ≤ 4) occurs"
            + " 3 or more times.",
    footer = {
      "%nExample:",
      "  ./seq4j evaluate --model RUN_DIR --src data/test.src --ref data/test.trg --json"
    })
public final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      description = "run or checkpoint directory; several make an ensemble (same vocabularies)")
  List<Path> models;

  @Option(names = "--src", required = true, description = "source sentences, one per line")
  Path src;

  @Option(names = "--ref", required = true, description = "reference translations, one per line")
  Path ref;

  @Option(
      names = "--ref-case",
      paramLabel = "model|as-given",
      description =
          "model (default): references pass through the model's tokenizer, so a lowercasing model"
              + " is scored against lowercased references; as-given: scored as they are in --ref"
              + " (as seq4j score does)")
  String refCase = "model";

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  @Option(
      names = "--set",
      paramLabel = "decode.KEY=VALUE",
      description = "override a saved decoding setting, e.g. --set decode.cache=false")
  List<String> overrides = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Evaluator.ReferenceCase referenceCase = referenceCase();
    List<String> sources = readAll(src);
    List<String> refs = readAll(ref);
    if (sources.size() != refs.size()) {
      throw new IllegalArgumentException(
          "parallel files differ in line count: "
              + src
              + " has "
              + sources.size()
              + " lines, "
              + ref
              + " has "
              + refs.size()
              + " lines");
    }
    Engines.start();
    try (Models loaded = Models.load(models, overrides)) {
      Evaluator.Result r =
          new Evaluator(
                  loaded.all(),
                  sources,
                  refs,
                  new Translator.Origin("--src " + src, 1),
                  referenceCase)
              .run();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("sentences", sources.size());
      figures.put("bleu", r.bleu());
      figures.put("chrf", r.chrf());
      figures.put("exact_match", r.exactMatch());
      figures.put("repetition", Repetition.share(r.hypotheses()));
      figures.put("repetition_ref", Repetition.share(r.references()));
      figures.put("token_accuracy", r.accuracy());
      figures.put("perplexity", r.perplexity());
      figures.put("decode_seconds", r.decodeSeconds());
      figures.put("sentences_per_s", sources.size() / Math.max(r.decodeSeconds(), 1e-9));
      var out = spec.commandLine().getOut();
      if (json) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(figures));
      } else {
        figures.forEach(
            (k, v) ->
                out.printf("%-15s %s%n", k, v instanceof Double d ? String.format("%.4f", d) : v));
      }
    }
    return 0;
  }

  private Evaluator.ReferenceCase referenceCase() {
    return switch (refCase) {
      case "model" -> Evaluator.ReferenceCase.MODEL;
      case "as-given" -> Evaluator.ReferenceCase.AS_GIVEN;
      default ->
          throw new IllegalArgumentException(
              "--ref-case: expected model or as-given, was '" + refCase + "'");
    };
  }

  static List<String> readAll(Path file) {
    List<String> lines = new ArrayList<>();
    try (TextLines t = TextLines.open(file)) {
      t.forEachRemaining(lines::add);
    }
    return lines;
  }
}
