package dev.seq4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Labelled names from a folder of {@code <Label>.txt} files, one name a line (the layout of the
 * char-RNN surname data: {@code Korean.txt}, {@code Russian.txt}, …). Lines are read strictly as
 * UTF-8 and NFC-normalised by {@link TextLines}, trimmed; empty lines are skipped; a name repeated
 * inside one file is kept once; names found under several labels are kept under each and reported.
 *
 * @param labels the labels in alphabetical order (a label's index is its class id)
 * @param examples every (name, label) pair, in label order then file order
 * @param duplicatesRemoved repeated names dropped inside files, per label
 * @param shared names that occur under more than one label, with those labels
 */
public record NamesCorpus(
    List<String> labels,
    List<Example> examples,
    Map<String, Integer> duplicatesRemoved,
    Map<String, List<String>> shared) {

  /** One name and its class id. */
  public record Example(String name, int label) {}

  /** The three splits of a corpus. */
  public record Split(List<Example> train, List<Example> valid, List<Example> test) {}

  /** Reads every {@code *.txt} of {@code dir}; the file name without {@code .txt} is the label. */
  public static NamesCorpus read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a folder of <Label>.txt files");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no <Label>.txt files");
    }
    List<String> labels = new ArrayList<>();
    List<Example> examples = new ArrayList<>();
    Map<String, Integer> removed = new LinkedHashMap<>();
    Map<String, Set<String>> labelsOf = new TreeMap<>();
    for (Path f : files) {
      String label = f.getFileName().toString().replaceFirst("\\.txt$", "");
      int id = labels.size();
      labels.add(label);
      Set<String> seen = new LinkedHashSet<>();
      int dropped = 0;
      try (TextLines lines = TextLines.open(f)) {
        while (lines.hasNext()) {
          String name = lines.next().strip();
          if (name.isEmpty()) {
            continue;
          }
          if (!seen.add(name)) {
            dropped++;
          }
        }
      }
      removed.put(label, dropped);
      for (String name : seen) {
        examples.add(new Example(name, id));
        labelsOf.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(label);
      }
    }
    Map<String, List<String>> shared = new TreeMap<>();
    labelsOf.forEach(
        (name, ls) -> {
          if (ls.size() > 1) {
            shared.put(name, List.copyOf(ls));
          }
        });
    return new NamesCorpus(List.copyOf(labels), List.copyOf(examples), removed, shared);
  }

  /**
   * A stratified split: each label's names are shuffled (seeded) and cut into the given shares, so
   * every split keeps the label proportions. Each label with at least three names has at least one
   * in each split.
   */
  public Split split(double trainShare, double validShare, long seed) {
    if (!(trainShare > 0 && validShare >= 0 && trainShare + validShare < 1)) {
      throw new IllegalArgumentException(
          "shares must satisfy 0 < train, 0 <= valid, train + valid < 1; were "
              + trainShare
              + " and "
              + validShare);
    }
    Random random = new Random(seed);
    List<Example> train = new ArrayList<>();
    List<Example> valid = new ArrayList<>();
    List<Example> test = new ArrayList<>();
    for (int label = 0; label < labels.size(); label++) {
      List<Example> mine = new ArrayList<>();
      for (Example e : examples) {
        if (e.label() == label) {
          mine.add(e);
        }
      }
      Collections.shuffle(mine, random);
      int n = mine.size();
      int nValid = n >= 3 ? Math.max(1, (int) Math.round(n * validShare)) : 0;
      int nTest = n >= 3 ? Math.max(1, (int) Math.round(n * (1 - trainShare - validShare))) : 0;
      int nTrain = n - nValid - nTest;
      train.addAll(mine.subList(0, nTrain));
      valid.addAll(mine.subList(nTrain, nTrain + nValid));
      test.addAll(mine.subList(nTrain + nValid, n));
    }
    return new Split(List.copyOf(train), List.copyOf(valid), List.copyOf(test));
  }
}
