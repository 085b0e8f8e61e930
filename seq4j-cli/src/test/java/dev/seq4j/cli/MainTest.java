package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
