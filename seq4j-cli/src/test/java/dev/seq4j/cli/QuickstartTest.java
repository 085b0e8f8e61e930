package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promise: the quickstart reaches at least 95 % exact match on held-out dates. */
class QuickstartTest {
  @Test
  void reachesNinetyFivePercentExactMatchOnHeldOutDates(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.run("quickstart", "--out", dir.resolve("qs").toString());
    assertEquals(0, r.exit(), r.err());
    String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    Matcher m =
        Pattern.compile("quickstart: exact_match=([0-9.]+) seconds=([0-9]+) run=.+").matcher(last);
    assertTrue(m.matches(), last);
    double exact = Double.parseDouble(m.group(1));
    assertTrue(exact >= 0.95, "exact match " + exact);
  }
}
