package dev.seq4j.tokenize;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-pair encoding of words into subword units (Sennrich, Haddow and Birch 2016). Learning starts
 * from characters, the last one marked as the end of the word ({@code </w>}), and repeatedly merges
 * the most frequent adjacent pair of symbols (ties: the smaller pair in code-point order); applying
 * splits a word into characters and replays the merges by rank. The pieces of a word always
 * concatenate back to it, whatever its characters (unseen ones stay single pieces).
 *
 * <pre>
 * learn:  repeat N times: (a, b) = argmax_pair Σ_words count(w) · occurrences(pair, w);  a b → ab
 * apply:  while some adjacent pair has a rank: merge the pair of lowest rank
 * </pre>
 */
public final class Bpe {
  /** Marks the last symbol of a word while learning and applying. */
  public static final String END = "</w>";

  private static final String HEADER = "#seq4j-bpe v1";
  private static final int CACHE_LIMIT = 200_000;
  private final List<String[]> merges;
  private final Map<String, Integer> ranks = new HashMap<>();
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  /** Codes from merges in the order they were learned. */
  public Bpe(List<String[]> merges) {
    this.merges = List.copyOf(merges);
    for (int i = 0; i < merges.size(); i++) {
      ranks.putIfAbsent(key(merges.get(i)[0], merges.get(i)[1]), i);
    }
  }

  private static String key(String a, String b) {
    return a + ' ' + b;
  }

  /** The merges, first learned first. */
  public List<String[]> merges() {
    return merges;
  }

  /**
   * Learns up to {@code count} merges from word frequencies; stops early when no pair occurs twice.
   */
  public static Bpe learn(Map<String, Long> wordCounts, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("merges must be >= 0, was " + count);
    }
    return learn(wordCounts, count, 0);
  }

  /**
   * Learns merges until the words, segmented, use {@code size} distinct pieces (a word-final piece
   * and the same letters inside a word are different pieces, as {@code pie@@} and {@code pie} are
   * after {@link BpeTokenizer}); stops early when no pair occurs twice. A size the characters alone
   * already reach learns no merges.
   */
  public static Bpe learnVocabulary(Map<String, Long> wordCounts, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("vocabulary size must be >= 1, was " + size);
    }
    return learn(wordCounts, Integer.MAX_VALUE, size);
  }

  private static Bpe learn(Map<String, Long> wordCounts, int count, int size) {
    List<String> types = new ArrayList<>(wordCounts.keySet());
    types.sort(null); // deterministic order
    List<List<String>> words = new ArrayList<>();
    long[] freq = new long[types.size()];
    Map<String, Long> pairs = new HashMap<>();
    Map<String, Set<Integer>> where = new HashMap<>();
    Map<String, Long> pieces = new HashMap<>();
    for (int w = 0; w < types.size(); w++) {
      words.add(symbols(types.get(w)));
      freq[w] = wordCounts.get(types.get(w));
      addPairs(words.get(w), w, freq[w], pairs, where, new HashSet<>());
      countPieces(words.get(w), freq[w], pieces);
    }
    PriorityQueue<Candidate> queue = new PriorityQueue<>();
    pairs.forEach((k, n) -> queue.add(new Candidate(k, n)));
    List<String[]> learned = new ArrayList<>();
    while (learned.size() < count && (size == 0 || pieces.size() < size) && !queue.isEmpty()) {
      Candidate best = queue.poll();
      Long current = pairs.get(best.pair());
      if (current == null || current != best.count()) {
        continue; // stale entry
      }
      if (current < 2) {
        break;
      }
      String[] ab = best.pair().split(" ", 2);
      learned.add(ab);
      Set<String> changed = new HashSet<>();
      for (int w : List.copyOf(where.get(best.pair()))) {
        addPairs(words.get(w), w, -freq[w], pairs, null, changed);
        countPieces(words.get(w), -freq[w], pieces);
        words.set(w, merge(words.get(w), ab[0], ab[1]));
        addPairs(words.get(w), w, freq[w], pairs, where, changed);
        countPieces(words.get(w), freq[w], pieces);
      }
      for (String k : changed) {
        Long n = pairs.get(k);
        if (n != null) {
          queue.add(new Candidate(k, n));
        }
      }
    }
    return new Bpe(learned);
  }

  /** Adds {@code n} to the occurrences of each piece of {@code s}; drops pieces that reach 0. */
  private static void countPieces(List<String> s, long n, Map<String, Long> pieces) {
    for (String p : s) {
      long total = pieces.getOrDefault(p, 0L) + n;
      if (total == 0) {
        pieces.remove(p);
      } else {
        pieces.put(p, total);
      }
    }
  }

  /** A pair and its count when queued; ordered by count, then pair. */
  private record Candidate(String pair, long count) implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate o) {
      int c = Long.compare(o.count, count);
      return c != 0 ? c : pair.compareTo(o.pair);
    }
  }

  /** Adds {@code n} to the count of each adjacent pair of {@code s}, noting which changed. */
  private static void addPairs(
      List<String> s,
      int word,
      long n,
      Map<String, Long> pairs,
      Map<String, Set<Integer>> where,
      Set<String> changed) {
    for (int i = 0; i + 1 < s.size(); i++) {
      String k = key(s.get(i), s.get(i + 1));
      changed.add(k);
      long total = pairs.getOrDefault(k, 0L) + n;
      if (total == 0) {
        pairs.remove(k);
      } else {
        pairs.put(k, total);
      }
      if (where != null) {
        where.computeIfAbsent(k, x -> new HashSet<>()).add(word);
      }
    }
  }

  /** The characters of {@code word}, the last one carrying {@link #END}: what BPE merges. */
  public static List<String> symbols(String word) {
    List<String> s = new ArrayList<>();
    word.codePoints().forEach(cp -> s.add(new String(Character.toChars(cp))));
    if (!s.isEmpty()) {
      s.set(s.size() - 1, s.get(s.size() - 1) + END);
    }
    return s;
  }

  /** {@code s} with every adjacent (a, b), left to right, replaced by ab. */
  private static List<String> merge(List<String> s, String a, String b) {
    List<String> out = new ArrayList<>(s.size());
    for (int i = 0; i < s.size(); i++) {
      if (i + 1 < s.size() && s.get(i).equals(a) && s.get(i + 1).equals(b)) {
        out.add(a + b);
        i++;
      } else {
        out.add(s.get(i));
      }
    }
    return out;
  }

  /** The subword pieces of one word (no spaces inside); they concatenate back to {@code word}. */
  public List<String> segment(String word) {
    if (word.isEmpty()) {
      return List.of();
    }
    List<String> cached = cache.get(word);
    if (cached != null) {
      return cached;
    }
    List<String> s = symbols(word);
    while (s.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      int at = -1;
      for (int i = 0; i + 1 < s.size(); i++) {
        Integer r = ranks.get(key(s.get(i), s.get(i + 1)));
        if (r != null && r < bestRank) {
          bestRank = r;
          at = i;
        }
      }
      if (at < 0) {
        break;
      }
      s = merge(s, s.get(at), s.get(at + 1));
    }
    String last = s.get(s.size() - 1);
    s.set(s.size() - 1, last.substring(0, last.length() - END.length()));
    if (s.get(s.size() - 1).isEmpty()) {
      s.remove(s.size() - 1);
    }
    List<String> pieces = List.copyOf(s);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(word, pieces);
    }
    return pieces;
  }

  /** Writes the merges, one {@code a b} pair a line, after a header line. */
  public void save(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (String[] m : merges) {
        w.write(m[0] + " " + m[1] + "\n");
      }
    }
  }

  /** Reads codes written by {@link #save}; a malformed line is an error naming file and line. */
  public static Bpe load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException(
          file + ":1: not a seq4j BPE codes file (no '" + HEADER + "')");
    }
    List<String[]> merges = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] ab = lines.get(i).split(" ", -1);
      if (ab.length != 2 || ab[0].isEmpty() || ab[1].isEmpty()) {
        throw new IllegalArgumentException(
            file
                + ":"
                + (i + 1)
                + ": expected two symbols separated by one space, was '"
                + lines.get(i)
                + "'");
      }
      merges.add(ab);
    }
    return new Bpe(merges);
  }

  @Override
  public String toString() {
    return "Bpe" + Arrays.toString(merges.stream().map(m -> m[0] + "+" + m[1]).toArray());
  }
}
