package dev.seq4j.bench;

import dev.seq4j.data.batch.Batch;
import dev.seq4j.data.batch.Batcher;
import dev.seq4j.data.batch.BatchingOptions;
import dev.seq4j.data.batch.Example;
import dev.seq4j.eval.Bleu;
import dev.seq4j.eval.ChrF;
import dev.seq4j.tokenize.Bpe;
import dev.seq4j.tokenize.BpeTokenizer;
import dev.seq4j.tokenize.KoreanTokenizer;
import dev.seq4j.tokenize.WordTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot code around the tensors, each over 1,000 synthetic sentences made in {@link #setUp}
 * (seeded; no files needed): word and Korean tokenization, BPE segmentation of tokenized text,
 * corpus BLEU and chrF, and planning length-bucketed batches of 30,000 examples. Scores are in
 * milliseconds per operation (one operation = the whole 1,000 sentences, or the whole plan).
 *
 * <pre>bench/jmh.sh                 # all, 3 forks × 5 iterations
 * bench/jmh.sh 'TextBenchmarks.bleu' -f 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class TextBenchmarks {
  private static final String[] WORDS = {
    "a",
    "man",
    "woman",
    "dog",
    "is",
    "running",
    "through",
    "the",
    "grass",
    "with",
    "red",
    "ball",
    "two",
    "children",
    "are",
    "playing",
    "on",
    "beach",
    "while",
    "their",
    "parents",
    "watch",
    "construction",
    "workers",
    "photographing",
    "Hunde",
    "bellen",
    "über",
    "die",
    "Wiese",
    "3.5%",
    "don't",
    "stop",
    "%s",
    "{0}",
    "files",
    "folder",
    "cannot",
    "be",
    "opened",
    "!",
    ",",
    "."
  };
  private static final String[] KOREAN = {
    "파일을",
    "열",
    "수",
    "없습니다",
    "폴더",
    "삭제",
    "저장하시겠습니까?",
    "%s",
    "{0}개의",
    "항목을",
    "사용자",
    "설정",
    "네트워크",
    "연결이",
    "끊어졌습니다.",
    "Linux",
    "커널",
    "버전"
  };

  private List<String> sentences;
  private List<String> korean;
  private List<String> hypotheses;
  private List<List<String>> tokenized;
  private List<Example> examples;
  private WordTokenizer words;
  private KoreanTokenizer nori;
  private Bpe bpe;

  /** Builds the sentences, their tokens, BPE merges learned on them, and the examples. */
  @Setup
  public void setUp() {
    Random random = new Random(42);
    sentences = new ArrayList<>();
    korean = new ArrayList<>();
    hypotheses = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sentences.add(sentence(random, WORDS, 8 + random.nextInt(20)));
      korean.add(sentence(random, KOREAN, 4 + random.nextInt(10)));
      hypotheses.add(sentence(random, WORDS, 8 + random.nextInt(20)));
    }
    words = new WordTokenizer(false);
    nori = new KoreanTokenizer(false);
    tokenized = new ArrayList<>();
    Map<String, Long> counts = new HashMap<>();
    for (String s : sentences) {
      List<String> t = words.tokenize(s);
      tokenized.add(t);
      t.forEach(w -> counts.merge(BpeTokenizer.core(w), 1L, Long::sum));
    }
    bpe = Bpe.learn(counts, 200);
    examples = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      examples.add(
          new Example(ids(random, 3 + random.nextInt(40)), ids(random, 3 + random.nextInt(40)), i));
    }
  }

  private static String sentence(Random random, String[] vocabulary, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
    }
    return sb.toString();
  }

  private static int[] ids(Random random, int length) {
    int[] ids = new int[length];
    for (int i = 0; i < length; i++) {
      ids[i] = 4 + random.nextInt(8000);
    }
    return ids;
  }

  /** Word tokenization of 1,000 sentences. */
  @Benchmark
  public int wordTokenize() {
    int n = 0;
    for (String s : sentences) {
      n += words.tokenize(s).size();
    }
    return n;
  }

  /** Nori morpheme tokenization of 1,000 Korean sentences. */
  @Benchmark
  public int koreanTokenize() {
    int n = 0;
    for (String s : korean) {
      n += nori.tokenize(s).size();
    }
    return n;
  }

  /** BPE segmentation (200 merges) of 1,000 tokenized sentences. */
  @Benchmark
  public int bpeSegment() {
    int n = 0;
    for (List<String> t : tokenized) {
      n += BpeTokenizer.segment(t, bpe).size();
    }
    return n;
  }

  /** Corpus BLEU (13a, sacreBLEU's defaults) of 1,000 hypothesis–reference pairs. */
  @Benchmark
  public double bleu() {
    return Bleu.corpus(hypotheses, sentences).score();
  }

  /** Corpus chrF2 of 1,000 pairs. */
  @Benchmark
  public double chrf() {
    return ChrF.corpus(hypotheses, sentences);
  }

  /** Length-bucketed batches of 64 sentences over 30,000 examples, shuffled. */
  @Benchmark
  public int planBatches() {
    List<Batch> batches =
        Batcher.plan(examples, new BatchingOptions(64, 0, 100, true, 7), 0, 2, 3).batches();
    return batches.size();
  }
}
