package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What translate and evaluate do with blank and overlong lines and with settings the model cannot
 * honour, on a character-level model without attention.
 */
class TranslateBoundsTest {
  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void train() throws IOException {
    run =
        TinyRun.train(
            dir,
            "chars",
            5,
            200,
            40,
            "srcTokenizer: char, trgTokenizer: char",
            "type: rnn, cell: gru, embedding: 8, hidden: 16",
            "epochs: 1, batchSize: 32, learningRate: 0.01");
  }

  /** Translates {@code text} into out.txt (standard output bypasses the runner). */
  private static CliRunner.Result translate(String text, String... more) throws IOException {
    Path input = Files.writeString(dir.resolve("in.txt"), text);
    Path out = dir.resolve("out.txt");
    Files.deleteIfExists(out);
    String[] args = {
      "translate",
      "--model",
      run.toString(),
      "--input",
      input.toString(),
      "--output",
      out.toString()
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRunner.run(all);
  }

  private static List<String> output() throws IOException {
    return Files.readAllLines(dir.resolve("out.txt"));
  }

  @Test
  void blankLinesGiveEmptyLinesThoughTheTokenizerKeepsSpaces() throws IOException {
    CliRunner.Result r = translate("a b c\n   \n\t\n\n");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = output();
    assertEquals(4, lines.size(), lines.toString());
    assertEquals(List.of("", "", ""), lines.subList(1, 4), lines.toString());
    translate(" a\n");
    assertNotEquals("", output().get(0), "a line with text is translated");
  }

  @Test
  void anOverlongLineIsAnErrorNamingTheLineAndItsLength() throws IOException {
    CliRunner.Result r = translate("a b\na b c d e f\n", "--set", "decode.maxInputTokens=5");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: "
            + dir.resolve("in.txt")
            + ", line 2: 11 source tokens, over decode.maxInputTokens (5); shorten it or set"
            + " decode.overlong=truncate\n",
        r.err());
    assertFalse(Files.exists(dir.resolve("out.txt")));
  }

  @Test
  void truncationTranslatesTheFirstTokensAndCountsTheLines() throws IOException {
    CliRunner.Result r =
        translate(
            "a b c\nd e f a b c\nb\n",
            "--set",
            "decode.maxInputTokens=5",
            "--set",
            "decode.overlong=truncate");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "translate: truncated 1 of 3 lines to their first 5 tokens (decode.maxInputTokens)\n",
        r.err());
    List<String> lines = output();
    assertEquals(3, lines.size(), lines.toString());
    translate("d e f\n");
    assertEquals(output().get(0), lines.get(1), "the first 5 characters");
  }

  @Test
  void evaluateRefusesAnOverlongSourceBeforeScoring() throws IOException {
    Path src = Files.writeString(dir.resolve("e.src"), "a b\na b c d e f\n");
    Path ref = Files.writeString(dir.resolve("e.trg"), "b a\nf e d c b a\n");
    CliRunner.Result r =
        CliRunner.run(
            "evaluate",
            "--model",
            run.toString(),
            "--src",
            src.toString(),
            "--ref",
            ref.toString(),
            "--set",
            "decode.maxInputTokens=5");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --src "
            + src
            + ", line 2: 11 source tokens, over decode.maxInputTokens (5); shorten it or set"
            + " decode.overlong=truncate\n",
        r.err());
  }

  @Test
  void attentionMapsOfAModelWithoutAttentionAreAnError() throws IOException {
    CliRunner.Result r = translate("a b\n", "--attention", dir.resolve("maps").toString());
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --attention: " + run + " has no attention (model.attention: none)\n",
        r.err());
    assertFalse(Files.exists(dir.resolve("maps")), "refused before anything is written");
  }

  @Test
  void aMinimumLengthOverTheMaximumNamesBothKeys() throws IOException {
    CliRunner.Result r =
        translate("a b\n", "--set", "decode.minLength=30", "--set", "decode.maxLength=20");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --set decode.minLength=30: decode.minLength: must be <= decode.maxLength"
            + " (20), was 30\n",
        r.err());
  }
}
