package dev.seq4j.names;

import dev.seq4j.data.NamesCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small names configurations, bundles and corpora for the tests. */
public final class Fixtures {
  public static final List<String> LABELS = List.of("Ov", "Ez", "Son");

  private Fixtures() {}

  /** A configuration of {@code task} with the given model and train sections (flow YAML). */
  public static NamesConfig config(String task, String model, String train) {
    return config(task, model, train, Path.of("unused"));
  }

  /** Like {@link #config(String, String, String)}, reading names from {@code folder}. */
  public static NamesConfig config(String task, String model, String train, Path folder) {
    return NamesConfig.parse(
        "task: "
            + task
            + "\nseed: 5\ndata: {folder: \""
            + folder
            + "\"}\nmodel: "
            + model
            + "\ntrain: "
            + train
            + "\n",
        "test.yaml",
        List.of());
  }

  /** A bundle over the characters of {@code alphabet}. */
  public static NamesBundle bundle(NamesConfig config, String alphabet) {
    List<NamesCorpus.Example> names = new ArrayList<>();
    for (char c : alphabet.toCharArray()) {
      names.add(new NamesCorpus.Example(String.valueOf(c), 0));
    }
    return NamesBundle.create(config, NamesData.vocabulary(names, false), LABELS);
  }

  /**
   * A folder of three labels whose names differ by their ending: {@code -ov}, {@code -ez}, {@code
   * -son} after 2–5 random letters; {@code perLabel} names each.
   */
  public static Path corpus(Path dir, int perLabel, long seed) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(seed);
    String[] endings = {"ov", "ez", "son"};
    for (int c = 0; c < LABELS.size(); c++) {
      List<String> lines = new ArrayList<>();
      while (lines.size() < perLabel) {
        StringBuilder sb = new StringBuilder();
        int n = 2 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
          sb.append((char) ('a' + r.nextInt(8)));
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        String name = sb + endings[c];
        if (!lines.contains(name)) {
          lines.add(name);
        }
      }
      Files.write(dir.resolve(LABELS.get(c) + ".txt"), lines);
    }
    return dir;
  }
}
