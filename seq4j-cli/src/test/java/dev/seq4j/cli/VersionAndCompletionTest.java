package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version} is the POM's version without the engine; completion covers the commands. */
class VersionAndCompletionTest {
  @Test
  void versionIsThePomsVersionAndNeedsNoEngine() throws IOException {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    java.util.regex.Matcher m =
        Pattern.compile("<artifactId>seq4j-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertTrue(m.find(), "the parent POM has a version");
    CliRunner.Result r = CliRunner.run("--version");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out()
            .matches(
                "seq4j "
                    + Pattern.quote(m.group(1))
                    + " \\(built \\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\\)\n"),
        r.out());
    assertTrue(m.group(1).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?"), "semantic version");
  }

  @Test
  void bashCompletionNamesEveryCommandAndItsOptions() {
    CliRunner.Result r = CliRunner.run("completion", "bash");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("complete -F _complete_seq4j"), "registers the function");
    for (String c : new String[] {"train", "translate", "evaluate", "serve", "completion"}) {
      assertTrue(r.out().contains(c), c);
    }
    assertTrue(r.out().contains("--max-beam"), "options of subcommands complete too");
    assertEquals(r.out(), CliRunner.run("completion", "zsh").out(), "one script serves both");
    CliRunner.Result bad = CliRunner.run("completion", "fish");
    assertEquals(2, bad.exit());
    assertTrue(
        bad.err()
            .contains(
                "Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh] (case-sensitive) but was 'fish'"),
        bad.err());
  }
}
