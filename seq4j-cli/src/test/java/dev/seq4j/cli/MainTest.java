package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The checklist of {@code package-info.java} for a new subcommand, enforced: every subcommand
 * registered in {@link Main} shows in {@code --help}, has an example in its own help, and the
 * README's tour names it.
 */
class MainTest {
  @Test
  void everyRegisteredSubcommandIsListedHasAnExampleAndIsInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    CommandLine cl = Cli.commandLine(false);
    Set<String> names = cl.getSubcommands().keySet();
    assertFalse(names.isEmpty());
    CliRunner.Result help = CliRunner.run("--help");
    assertEquals(0, help.exit());
    for (String name : names) {
      if (name.equals("help")) {
        continue;
      }
      assertTrue(help.out().contains("  " + name + " "), name + " is listed in seq4j --help");
      CliRunner.Result sub = CliRunner.run(name, "--help");
      assertEquals(0, sub.exit(), name);
      assertTrue(sub.out().contains("Example"), name + " has an example:\n" + sub.out());
      assertTrue(readme.contains("seq4j " + name), "README.md names `seq4j " + name + "`");
    }
  }

  /**
   * Picocli reads descriptions as format strings: a bare {@code %s} makes it print a warning and
   * show the raw text (with literal {@code %n}). Every help text of every (sub)command must format.
   */
  @Test
  void everyHelpTextFormatsWithoutPicocliWarnings() {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    List<String> helps = new ArrayList<>();
    try {
      collectHelp(Cli.commandLine(false), helps);
    } finally {
      System.setErr(saved);
    }
    assertTrue(helps.size() > 15, helps.size() + " commands");
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    for (String help : helps) {
      assertFalse(help.contains("%n"), help);
    }
    assertTrue(
        helps.stream().anyMatch(h -> h.contains("placeholders such as %s and {0} kept")),
        "the gettext help shows its %s literally");
  }

  private static void collectHelp(CommandLine cl, List<String> helps) {
    helps.add(cl.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " "));
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandName().equals("help")) {
        collectHelp(sub, helps);
      }
    }
  }
}
