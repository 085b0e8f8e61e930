package dev.seq4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seq4j.eval.Bleu;
import dev.seq4j.eval.ChrF;
import dev.seq4j.eval.ExactMatch;
import dev.seq4j.eval.Repetition;
import dev.seq4j.eval.Ter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j score}: sacreBLEU-style scores of saved translations. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description =
        "Score saved translations (--hyp) against one or more reference files (--ref, repeat it):"
            + " BLEU, chrF and TER as sacreBLEU 2.x computes them by default, several references"
            + " as sacreBLEU uses them (BLEU: clipped counts over all and the closest length; chrF:"
            + " the best reference per sentence; TER: the fewest edits and the average length),"
            + " each with sacreBLEU's signature (version: is seq4j's); exact match (equal to some"
            + " reference) and repetition of the hypotheses and, as a baseline, of the first"
            + " references. Files are UTF-8 (plain or gzip), one sentence per line, NFC-normalised"
            + " as they are read; every --ref must have as many lines as --hyp.",
    footer = {
      "%nExample:",
      "  ./seq4j translate --model runs/m30k --input test.de --output test.hyp.en",
      "  ./seq4j score --hyp test.hyp.en --ref test.en",
      "  ./seq4j score --hyp test.hyp.en --ref test.en --ref test.en2 --metrics bleu,ter --json"
    })
public final class ScoreCommand implements Callable<Integer> {
  /** The metrics {@code --metrics} may name, in the order they are printed. */
  static final List<String> METRICS = List.of("bleu", "chrf", "ter", "exact", "repetition");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--hyp", required = true, description = "translations, one per line")
  Path hyp;

  @Option(
      names = "--ref",
      required = true,
      description = "reference translations, one per line; repeat for several references")
  List<Path> refs = new ArrayList<>();

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  @Option(
      names = "--metrics",
      split = ",",
      paramLabel = "NAME",
      description = "which metrics, comma-separated (default: bleu,chrf,ter,exact,repetition)")
  List<String> metrics = new ArrayList<>(METRICS);

  @Override
  public Integer call() throws Exception {
    for (String m : metrics) {
      if (!METRICS.contains(m)) {
        throw new IllegalArgumentException(
            "--metrics: unknown metric '" + m + "' (known: " + String.join(", ", METRICS) + ")");
      }
    }
    List<String> hyps = EvaluateCommand.readAll(hyp);
    List<List<String>> streams = new ArrayList<>();
    for (Path r : refs) {
      List<String> lines = EvaluateCommand.readAll(r);
      if (lines.size() != hyps.size()) {
        throw new IllegalArgumentException(
            "files differ in line count: "
                + hyp
                + " has "
                + hyps.size()
                + " lines, "
                + r
                + " has "
                + lines.size()
                + " lines");
      }
      streams.add(lines);
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    score(hyps, streams, figures, lines);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(figures));
    } else {
      lines.forEach(out::println);
    }
    return 0;
  }

  /** Computes the chosen metrics into {@code figures} (JSON) and {@code lines} (sacreBLEU's). */
  private void score(
      List<String> hyps, List<List<String>> streams, Map<String, Object> f, List<String> lines) {
    int n = streams.size();
    String version = "seq4j-" + version();
    f.put("sentences", hyps.size());
    f.put("references", n);
    if (metrics.contains("bleu")) {
      Bleu.Score b = Bleu.corpusMulti(hyps, streams);
      f.put("bleu", b.score());
      f.put("bleu_signature", Bleu.signature(n, version));
      f.put("bleu_precisions", b.precisions());
      f.put("bleu_brevity_penalty", b.brevityPenalty());
      f.put("bleu_hyp_length", b.sysLength());
      f.put("bleu_ref_length", b.refLength());
      lines.add(b.format(Bleu.signature(n, version)));
    }
    if (metrics.contains("chrf")) {
      double c = ChrF.corpusMulti(hyps, streams);
      f.put("chrf", c);
      f.put("chrf_signature", ChrF.signature(n, version));
      lines.add(String.format(Locale.ROOT, "chrF2|%s = %.2f", ChrF.signature(n, version), c));
    }
    if (metrics.contains("ter")) {
      Ter.Score t = Ter.corpusMulti(hyps, streams);
      f.put("ter", t.score());
      f.put("ter_signature", Ter.signature(n, version));
      f.put("ter_edits", t.edits());
      f.put("ter_ref_length", t.refLength());
      lines.add(t.format(Ter.signature(n, version)));
    }
    if (metrics.contains("exact")) {
      double e = ExactMatch.ofAny(hyps, streams);
      f.put("exact_match", e);
      lines.add(String.format(Locale.ROOT, "exact match = %.4f", e));
    }
    if (metrics.contains("repetition")) {
      double h = Repetition.share(hyps);
      double r = Repetition.share(streams.get(0));
      f.put("repetition", h);
      f.put("repetition_ref", r);
      lines.add(String.format(Locale.ROOT, "repetition = %.4f (references: %.4f)", h, r));
    }
  }

  /** seq4j's version from the jar's manifest, or {@code dev} when run from classes. */
  static String version() {
    String v = ScoreCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
