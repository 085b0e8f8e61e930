package dev.seq4j.data.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A generator of (source, target) string pairs. */
public interface SyntheticTask {

  /** One random example. */
  Pair sample(Random random);

  /** A source sentence and its reference. */
  record Pair(String src, String trg) {}

  /**
   * Writes disjoint train/valid/test splits as {@code DIR/NAME.src} and {@code DIR/NAME.trg}: no
   * source sentence appears in two splits.
   *
   * @param sizes number of pairs of each split, in the order of {@code names}
   */
  default void writeSplits(Path dir, List<String> names, List<Integer> sizes, long seed)
      throws IOException {
    Random random = new Random(seed);
    Set<String> seen = new LinkedHashSet<>();
    Files.createDirectories(dir);
    for (int s = 0; s < names.size(); s++) {
      Path src = dir.resolve(names.get(s) + ".src");
      Path trg = dir.resolve(names.get(s) + ".trg");
      try (Writer ws = Files.newBufferedWriter(src, StandardCharsets.UTF_8);
          Writer wt = Files.newBufferedWriter(trg, StandardCharsets.UTF_8)) {
        int written = 0;
        int attempts = 0;
        while (written < sizes.get(s)) {
          if (++attempts > 100 * sizes.get(s) + 1000) {
            throw new IllegalStateException(
                "the task cannot produce " + sizes.get(s) + " distinct examples");
          }
          Pair p = sample(random);
          if (seen.add(p.src())) {
            ws.write(p.src() + "\n");
            wt.write(p.trg() + "\n");
            written++;
          }
        }
      }
    }
  }
}
