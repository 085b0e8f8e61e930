package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seq4j score} on files the test writes; figures are sacreBLEU 2.x's on the same text. */
class ScoreCommandTest {
  private static final String HYPS =
      "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n";
  private static final String REFS1 =
      "The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n";
  private static final String REFS2 =
      "The dog had bit the man.\nNo one was surprised.\nThe man had bitten the dog.\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Map<?, ?> json(String... args) throws IOException {
    CliRunner.Result r = CliRunner.run(args);
    assertEquals(0, r.exit(), r.err());
    return new ObjectMapper().readValue(r.out(), Map.class);
  }

  private static double number(Map<?, ?> figures, String key) {
    return ((Number) figures.get(key)).doubleValue();
  }

  @Test
  void aFileAgainstItselfIsPerfect() throws IOException {
    String hyp = write("hyp.txt", HYPS).toString();
    Map<?, ?> f = json("score", "--hyp", hyp, "--ref", hyp, "--json");
    assertEquals(100.0, number(f, "bleu"), 1e-9);
    assertEquals(100.0, number(f, "chrf"), 1e-9);
    assertEquals(0.0, number(f, "ter"), 0);
    assertEquals(1.0, number(f, "exact_match"), 0);
  }

  @Test
  void knownAnswersWithOneReference() throws IOException {
    Map<?, ?> f =
        json(
            "score",
            "--hyp",
            write("hyp.txt", HYPS).toString(),
            "--ref",
            write("ref1.txt", REFS1).toString(),
            "--json");
    assertEquals(45.06750632106114, number(f, "bleu"), 1e-9);
    assertEquals(50.0430636065823, number(f, "chrf"), 1e-9);
    assertEquals(50.0, number(f, "ter"), 1e-9);
    assertEquals(1 / 3.0, number(f, "exact_match"), 1e-12);
    assertEquals(0.0, number(f, "repetition"), 0);
    assertEquals(3, f.get("sentences"));
    assertEquals(1, f.get("references"));
  }

  @Test
  void twoReferencesAsSacrebleuUsesThem() throws IOException {
    Map<?, ?> f =
        json(
            "score",
            "--hyp",
            write("hyp.txt", HYPS).toString(),
            "--ref",
            write("ref1.txt", REFS1).toString(),
            "--ref",
            write("ref2.txt", REFS2).toString(),
            "--json");
    assertEquals(48.530827009929865, number(f, "bleu"), 1e-9);
    assertEquals(59.72751782684763, number(f, "chrf"), 1e-9);
    assertEquals(40.0, number(f, "ter"), 1e-9);
    assertEquals(2, f.get("references"));
    assertTrue(((String) f.get("bleu_signature")).startsWith("nrefs:2|case:mixed|"));
  }

  @Test
  void aSecondReferenceThatMatchesGivesBleu100() throws IOException {
    Map<?, ?> f =
        json(
            "score",
            "--hyp",
            write("hyp.txt", HYPS).toString(),
            "--ref",
            write("ref1.txt", REFS1).toString(),
            "--ref",
            write("ref2.txt", HYPS).toString(),
            "--json");
    assertEquals(100.0, number(f, "bleu"), 1e-9);
    assertEquals(100.0, number(f, "chrf"), 1e-9);
    assertEquals(0.0, number(f, "ter"), 0);
    assertEquals(1.0, number(f, "exact_match"), 0);
  }

  @Test
  void jsonHasEveryFieldAndTheSignatures() throws IOException {
    Map<?, ?> f =
        json(
            "score",
            "--hyp",
            write("hyp.txt", HYPS).toString(),
            "--ref",
            write("ref1.txt", REFS1).toString(),
            "--json");
    assertEquals(
        List.of(
            "sentences",
            "references",
            "bleu",
            "bleu_signature",
            "bleu_precisions",
            "bleu_brevity_penalty",
            "bleu_hyp_length",
            "bleu_ref_length",
            "chrf",
            "chrf_signature",
            "ter",
            "ter_signature",
            "ter_edits",
            "ter_ref_length",
            "exact_match",
            "repetition",
            "repetition_ref"),
        List.copyOf(f.keySet()));
    String v = "version:seq4j-" + ScoreCommand.version();
    assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|" + v, f.get("bleu_signature"));
    assertEquals("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|" + v, f.get("chrf_signature"));
    assertEquals(
        "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|" + v, f.get("ter_signature"));
    assertEquals(7, ((Number) f.get("ter_edits")).intValue());
    assertEquals(14.0, number(f, "ter_ref_length"), 0);
  }

  @Test
  void textOutputIsSacrebleuStyleAndMetricsCanBeChosen() throws IOException {
    String hyp = write("hyp.txt", HYPS).toString();
    String ref = write("ref1.txt", REFS1).toString();
    CliRunner.Result r = CliRunner.run("score", "--hyp", hyp, "--ref", ref);
    assertEquals(0, r.exit(), r.err());
    String v = "version:seq4j-" + ScoreCommand.version();
    assertEquals(
        List.of(
            "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|"
                + v
                + " = 45.07 70.6/42.9/36.4/37.5 (BP = 1.000 ratio = 1.000 hyp_len = 17 ref_len"
                + " = 17)",
            "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|" + v + " = 50.04",
            "TER|nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|" + v + " = 50.00",
            "exact match = 0.3333",
            "repetition = 0.0000 (references: 0.0000)"),
        r.out().lines().toList());

    Map<?, ?> f = json("score", "--hyp", hyp, "--ref", ref, "--metrics", "ter,exact", "--json");
    assertEquals(
        List.of(
            "sentences",
            "references",
            "ter",
            "ter_signature",
            "ter_edits",
            "ter_ref_length",
            "exact_match"),
        List.copyOf(f.keySet()));
    assertFalse(f.containsKey("bleu"));
  }

  @Test
  void mismatchedLineCountsNameBothFiles() throws IOException {
    Path hyp = write("hyp.txt", HYPS);
    Path ref = write("ref.txt", "one\ntwo\n");
    CliRunner.Result r = CliRunner.run("score", "--hyp", hyp.toString(), "--ref", ref.toString());
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: files differ in line count: "
            + hyp
            + " has 3 lines, "
            + ref
            + " has 2 lines\n",
        r.err());
  }

  @Test
  void invalidUtf8NamesTheFileAndLine() throws IOException {
    Path hyp = write("hyp.txt", "a\nb\n");
    Path ref = dir.resolve("ref.txt");
    Files.write(ref, new byte[] {'a', '\n', 'b', (byte) 0xff, '\n'});
    CliRunner.Result r = CliRunner.run("score", "--hyp", hyp.toString(), "--ref", ref.toString());
    assertEquals(2, r.exit());
    assertEquals("seq4j: error: " + ref + ":2: invalid UTF-8 at byte offset 3\n", r.err());
  }

  @Test
  void unknownMetricIsAnError() throws IOException {
    String hyp = write("hyp.txt", HYPS).toString();
    CliRunner.Result r =
        CliRunner.run("score", "--hyp", hyp, "--ref", hyp, "--metrics", "bleu,meteor");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --metrics: unknown metric 'meteor' (known: bleu, chrf, ter, exact,"
            + " repetition)\n",
        r.err());
  }
}
