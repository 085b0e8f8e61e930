package dev.seq4j.spark;

import dev.seq4j.tokenize.Bpe;
import dev.seq4j.tokenize.BpeTokenizer;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.TokenizerSpec;
import dev.seq4j.tokenize.Tokenizers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import scala.Tuple2;

/**
 * Corpus statistics for vocabularies and BPE, counted per partition and summed by key: token counts
 * (what {@code seq4j vocab build} counts), character counts, the word counts BPE learns its merges
 * from, and the counts of adjacent symbol pairs in those words (BPE's first statistics). Every
 * count equals the single-machine one.
 */
public final class DistributedCounts {
  private DistributedCounts() {}

  /** Counts of the tokens of {@code lines} under {@code spec}'s tokenizer. */
  public static Map<String, Long> tokens(Dataset<String> lines, TokenizerSpec spec) {
    return count(lines, spec, Kind.TOKENS);
  }

  /** Counts of the characters (code points) of {@code lines}, spaces excluded. */
  public static Map<String, Long> characters(Dataset<String> lines) {
    return count(lines, new TokenizerSpec("space", false), Kind.CHARACTERS);
  }

  /** Counts of the words BPE learns from: tokens without their joiner mark. */
  public static Map<String, Long> words(Dataset<String> lines, TokenizerSpec spec) {
    return count(lines, spec, Kind.WORDS);
  }

  /**
   * Counts of adjacent symbol pairs "a b" over the words of {@code lines}, each word split into
   * characters with BPE's end-of-word mark on the last, weighted by the word's count.
   */
  public static Map<String, Long> symbolPairs(Dataset<String> lines, TokenizerSpec spec) {
    return count(lines, spec, Kind.PAIRS);
  }

  private enum Kind {
    TOKENS,
    CHARACTERS,
    WORDS,
    PAIRS
  }

  private static Map<String, Long> count(Dataset<String> lines, TokenizerSpec spec, Kind kind) {
    String type = spec.type(); // TokenizerSpec is not serializable: ship its fields
    boolean lowercase = spec.lowercase();
    JavaPairRDD<String, Long> counts =
        lines
            .toJavaRDD()
            .mapPartitionsToPair(
                (Iterator<String> it) -> {
                  Tokenizer tokenizer = Tokenizers.create(new TokenizerSpec(type, lowercase));
                  Map<String, Long> local = new HashMap<>();
                  while (it.hasNext()) {
                    String line = it.next();
                    if (line == null) {
                      continue;
                    }
                    for (String key : keys(line, tokenizer, kind)) {
                      local.merge(key, 1L, Long::sum);
                    }
                  }
                  List<Tuple2<String, Long>> out = new ArrayList<>(local.size());
                  local.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
                  return out.iterator();
                })
            .reduceByKey(Long::sum);
    return new HashMap<>(counts.collectAsMap());
  }

  private static List<String> keys(String line, Tokenizer tokenizer, Kind kind) {
    List<String> keys = new ArrayList<>();
    switch (kind) {
      case TOKENS -> keys.addAll(tokenizer.tokenize(line));
      case CHARACTERS ->
          line.codePoints()
              .filter(cp -> !Character.isWhitespace(cp))
              .forEach(cp -> keys.add(new String(Character.toChars(cp))));
      case WORDS -> tokenizer.tokenize(line).forEach(t -> keys.add(BpeTokenizer.core(t)));
      case PAIRS -> {
        for (String t : tokenizer.tokenize(line)) {
          List<String> symbols = Bpe.symbols(BpeTokenizer.core(t));
          for (int i = 0; i + 1 < symbols.size(); i++) {
            keys.add(symbols.get(i) + " " + symbols.get(i + 1));
          }
        }
      }
    }
    return keys;
  }
}
