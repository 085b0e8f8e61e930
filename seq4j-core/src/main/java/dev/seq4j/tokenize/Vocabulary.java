package dev.seq4j.tokenize;

import dev.seq4j.config.SpecialTokens;
import dev.seq4j.io.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable token ↔ id map. Specials take the first four ids in their configured order; the
 * other tokens follow by descending count, ties in code-point order, so the same counts always give
 * the same ids. Unknown tokens map to {@code <unk>}.
 */
public final class Vocabulary {
  private static final String HEADER = "#seq4j-vocabulary";
  private final List<String> tokens;
  private final Map<String, Integer> index;
  private final SpecialTokens specials;

  private Vocabulary(List<String> tokens, SpecialTokens specials) {
    this.tokens = List.copyOf(tokens);
    this.specials = specials;
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (m.put(tokens.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate token '" + tokens.get(i) + "'");
      }
    }
    this.index = Collections.unmodifiableMap(m);
  }

  /**
   * Builds a vocabulary from token counts.
   *
   * @param minFreq tokens counted fewer times are left out
   * @param maxSize the largest size, specials included
   */
  public static Vocabulary fromCounts(
      Map<String, Long> counts, SpecialTokens specials, int minFreq, int maxSize) {
    if (minFreq < 1) {
      throw new IllegalArgumentException("minFreq must be >= 1, was " + minFreq);
    }
    if (maxSize < 4) {
      throw new IllegalArgumentException("maxSize must be >= 4, was " + maxSize);
    }
    List<String> out = new ArrayList<>(specials.tokensInOrder());
    counts.entrySet().stream()
        .filter(e -> e.getValue() >= minFreq && !out.contains(e.getKey()))
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(maxSize - 4L)
        .forEach(e -> out.add(checkToken(e.getKey())));
    return new Vocabulary(out, specials);
  }

  private static String checkToken(String t) {
    if (t.isEmpty() || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "a token must be non-empty and single-line, was '" + t + "'");
    }
    return t;
  }

  /** Counts tokens over tokenized sentences. */
  public static Map<String, Long> count(Iterable<List<String>> sentences) {
    Map<String, Long> counts = new HashMap<>();
    for (List<String> s : sentences) {
      for (String t : s) {
        counts.merge(t, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The id of {@code token}, or the {@code <unk>} id. */
  public int id(String token) {
    Integer i = index.get(token);
    return i == null ? unkId() : i;
  }

  /** Whether {@code token} has an id of its own. */
  public boolean contains(String token) {
    return index.containsKey(token);
  }

  /** The token with id {@code id}. */
  public String token(int id) {
    return tokens.get(id);
  }

  /** Ids of {@code sentence}. */
  public int[] encode(List<String> sentence) {
    int[] ids = new int[sentence.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = id(sentence.get(i));
    }
    return ids;
  }

  /** Tokens of {@code ids}; with {@code stripSpecials} pad, bos and eos are dropped (unk stays). */
  public List<String> decode(int[] ids, boolean stripSpecials) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      if (stripSpecials && (id == padId() || id == bosId() || id == eosId())) {
        continue;
      }
      out.add(tokens.get(id));
    }
    return out;
  }

  /** Number of tokens, specials included. */
  public int size() {
    return tokens.size();
  }

  /** The special tokens. */
  public SpecialTokens specials() {
    return specials;
  }

  /** The unknown-token string. */
  public String unk() {
    return specials.unk();
  }

  /** Padding id. */
  public int padId() {
    return index.get(specials.pad());
  }

  /** Unknown-token id. */
  public int unkId() {
    return index.get(specials.unk());
  }

  /** Beginning-of-sentence id. */
  public int bosId() {
    return index.get(specials.bos());
  }

  /** End-of-sentence id. */
  public int eosId() {
    return index.get(specials.eos());
  }

  /** All tokens in id order. */
  public List<String> tokens() {
    return tokens;
  }

  /**
   * Saves as UTF-8 text: a header naming the specials' roles, then one token per line in id order.
   * Written to a temporary file and moved into place.
   */
  public void save(Path file) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    for (String role : specials.order()) {
      sb.append('\t').append(role);
    }
    sb.append('\n');
    for (String t : tokens) {
      sb.append(t).append('\n');
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = TempFiles.sibling(file);
    try {
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Loads a file written by {@link #save}. */
  public static Vocabulary load(Path file) throws IOException {
    List<String> lines =
        new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty() || !lines.get(0).startsWith(HEADER + "\t")) {
      throw new IllegalArgumentException(
          file + ":1: not a seq4j vocabulary (expected '" + HEADER + "' header)");
    }
    String[] roles = lines.get(0).split("\t");
    if (roles.length != 5) {
      throw new IllegalArgumentException(file + ":1: the header must name 4 roles");
    }
    List<String> order = List.of(roles[1], roles[2], roles[3], roles[4]);
    if (lines.size() < 5) {
      throw new IllegalArgumentException(file + ": fewer than 4 tokens");
    }
    Map<String, String> byRole = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      byRole.put(order.get(i), lines.get(i + 1));
    }
    SpecialTokens specials;
    try {
      specials =
          new SpecialTokens(
              byRole.get("pad"), byRole.get("unk"), byRole.get("bos"), byRole.get("eos"), order);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":1: " + e.getMessage(), e);
    }
    List<String> tokens = lines.subList(1, lines.size());
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isEmpty()) {
        throw new IllegalArgumentException(file + ":" + (i + 2) + ": empty token");
      }
    }
    try {
      return new Vocabulary(tokens, specials);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.tokens.equals(tokens) && v.specials.equals(specials);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode() * 31 + specials.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary(" + tokens.size() + " tokens)";
  }
}
