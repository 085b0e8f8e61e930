package dev.seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusStatsTest {
  @Test
  void countsAndPercentiles(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("c.txt");
    Files.writeString(f, "a b c\n\na a\nb c d e\n");
    CorpusStats s = CorpusStats.of(f);
    assertEquals(new CorpusStats(4, 1, 9, 15, 2, 4, 4, 4, 4, 5), s);
  }
}
