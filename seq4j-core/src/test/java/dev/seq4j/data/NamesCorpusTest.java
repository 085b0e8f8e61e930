package dev.seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesCorpusTest {
  @TempDir Path dir;

  private NamesCorpus corpus() throws IOException {
    StringBuilder korean = new StringBuilder("Ahn\nBaik\nBaik\n\n Choi \n");
    for (int i = 0; i < 95; i++) {
      korean.append("K").append(i).append('\n');
    }
    Files.writeString(dir.resolve("Korean.txt"), korean);
    StringBuilder english = new StringBuilder("Lee\n");
    for (int i = 0; i < 199; i++) {
      english.append("E").append(i).append('\n');
    }
    Files.writeString(dir.resolve("English.txt"), english);
    Files.writeString(dir.resolve("Chinese.txt"), "Lee\nWang\nLi\n");
    Files.writeString(dir.resolve("README.md"), "not names\n");
    return NamesCorpus.read(dir);
  }

  @Test
  void labelsDuplicatesAndSharedNames() throws IOException {
    NamesCorpus c = corpus();
    assertEquals(List.of("Chinese", "English", "Korean"), c.labels());
    assertEquals(Map.of("Chinese", 0, "English", 0, "Korean", 1), c.duplicatesRemoved());
    assertEquals(Map.of("Lee", List.of("Chinese", "English")), c.shared());
    assertEquals(3 + 200 + 98, c.examples().size());
    assertTrue(c.examples().contains(new NamesCorpus.Example("Choi", 2)), "trimmed");
  }

  @Test
  void splitIsStratifiedSeededAndDisjoint() throws IOException {
    NamesCorpus c = corpus();
    NamesCorpus.Split s = c.split(0.7, 0.15, 5);
    assertEquals(c.examples().size(), s.train().size() + s.valid().size() + s.test().size());
    assertEquals(140, s.train().stream().filter(e -> e.label() == 1).count()); // 70 % of 200
    assertEquals(30, s.valid().stream().filter(e -> e.label() == 1).count());
    assertEquals(1, s.test().stream().filter(e -> e.label() == 0).count()); // 3 names: 1/1/1
    Set<NamesCorpus.Example> seen = new HashSet<>(s.train());
    s.valid().forEach(e -> assertTrue(seen.add(e), "valid overlaps: " + e));
    s.test().forEach(e -> assertTrue(seen.add(e), "test overlaps: " + e));
    assertEquals(s, c.split(0.7, 0.15, 5));
    assertTrue(!s.equals(c.split(0.7, 0.15, 6)));
  }

  @Test
  void badFoldersAndSharesAreRefused() throws IOException {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NamesCorpus.read(dir));
    assertEquals(dir + ": no <Label>.txt files", e.getMessage());
    NamesCorpus c = corpus();
    e = assertThrows(IllegalArgumentException.class, () -> c.split(0.9, 0.2, 1));
    assertEquals(
        "shares must satisfy 0 < train, 0 <= valid, train + valid < 1; were 0.9 and 0.2",
        e.getMessage());
  }
}
