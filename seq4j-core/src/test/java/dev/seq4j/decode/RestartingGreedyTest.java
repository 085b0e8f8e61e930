package dev.seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.seq4j.data.synthetic.ReverseTask;
import dev.seq4j.data.synthetic.SyntheticTask;
import dev.seq4j.engine.Engines;
import dev.seq4j.eval.Repetition;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import dev.seq4j.train.optim.Adam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the source document's "I think I think …" comes from: its inference loop restarts the
 * decoder from the encoder's state at every step ({@link RestartingGreedy}). One model of the
 * source recipe's shape (one LSTM layer whose initial state is the encoder's final (h, c), no
 * attention) is trained here on the reverse task in seconds; decoded by {@link Greedy}, which
 * carries the decoder state, it reproduces the held-out targets, while the restarting loop repeats
 * itself on every sentence until the 20-token cap, almost always as the first two words over and
 * over (examples/KO-EN.md).
 */
class RestartingGreedyTest {
  private static final int PAD = 0;
  private static final int BOS = 1;
  private static final int EOS = 2;
  private static final int FIRST_LETTER = 3; // ids 3… are the letters a…
  private static final int ALPHABET = 6;
  private static final int MAX_OUTPUT = 20; // the source decodes up to 20 tokens
  private static final ReverseTask TASK = new ReverseTask(3, 5, ALPHABET);
  private static final int STEPS = 150;
  private static final int BATCH = 64;
  private static final int TEST_SENTENCES = 200;

  private static NDManager manager;
  private static List<SyntheticTask.Pair> test;
  private static int[][] carried;
  private static int[][] restarted;

  /** Trains the model (150 Adam steps of 64 pairs) and decodes 200 held-out sources both ways. */
  @BeforeAll
  static void trainAndDecode() {
    manager = Engines.start().newBaseManager();
    Engine.getInstance().setRandomSeed(1);
    RnnConfig options = RnnConfig.builder().cell(CellType.LSTM).embedding(16).hidden(32).build();
    int vocabulary = FIRST_LETTER + ALPHABET;
    RnnSeq2Seq model = new RnnSeq2Seq(manager, options, vocabulary, vocabulary);
    Random random = new Random(2);
    Adam adam = new Adam(0);
    for (int step = 0; step < STEPS; step++) {
      trainStep(model, sample(random, BATCH), adam);
    }
    test = sample(new Random(99), TEST_SENTENCES);
    long[][] src = new long[TEST_SENTENCES][];
    int[] lengths = new int[TEST_SENTENCES];
    for (int i = 0; i < TEST_SENTENCES; i++) {
      src[i] = padded(ids(test.get(i).src()), TASK.maxLength());
      lengths[i] = ids(test.get(i).src()).length;
    }
    Greedy greedy = new Greedy(BOS, EOS, LengthLimit.absolute(MAX_OUTPUT));
    carried = greedy.decode(model, manager, src, lengths);
    restarted = new RestartingGreedy(BOS, EOS, MAX_OUTPUT).decode(model, manager, src, lengths);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void carryingTheDecoderStateReproducesTheTargets() {
    int exact = 0;
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < TEST_SENTENCES; i++) {
      outputs.add(text(carried[i]));
      exact += text(carried[i]).equals(test.get(i).trg()) ? 1 : 0;
    }
    assertTrue(exact >= 0.95 * TEST_SENTENCES, "exact " + exact + " of " + TEST_SENTENCES);
    assertEquals(references(), Repetition.share(outputs), 0.02, "repeats as the targets do");
  }

  @Test
  void restartingFromTheEncoderStateLoopsUntilTheCap() {
    int exact = 0;
    int twoWordLoops = 0;
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < TEST_SENTENCES; i++) {
      int[] y = restarted[i];
      outputs.add(text(y));
      exact += text(y).equals(test.get(i).trg()) ? 1 : 0;
      assertEquals(MAX_OUTPUT, y.length, "no <eos> before the cap: " + text(y));
      boolean twoWords = true; // "I think I think …"
      for (int t = 2; t < y.length; t++) {
        twoWords &= y[t] == y[t - 2];
      }
      twoWordLoops += twoWords ? 1 : 0;
    }
    assertEquals(0, exact);
    assertEquals(1.0, Repetition.share(outputs), 0.0, "every output repeats an n-gram 3+ times");
    assertTrue(references() < 0.15, "the targets repeat in " + references());
    assertTrue(twoWordLoops >= 0.95 * TEST_SENTENCES, "two-word loops " + twoWordLoops);
  }

  /** Step t sees only s_0 and y_{t-1}, so a token is always followed by the same token. */
  @Test
  void restartedTokensDependOnThePreviousTokenAlone() {
    for (int i = 0; i < TEST_SENTENCES; i++) {
      Map<Integer, Integer> next = new HashMap<>();
      int[] y = restarted[i];
      for (int t = 1; t < y.length; t++) {
        Integer seen = next.putIfAbsent(y[t - 1], y[t]);
        if (seen != null) {
          assertEquals(seen, y[t], "sentence " + i + ", step " + t + ": " + text(y));
        }
      }
    }
  }

  private static double references() {
    return Repetition.share(test.stream().map(SyntheticTask.Pair::trg).toList());
  }

  /** One teacher-forced Adam step (lr 0.03) on the mean token loss of {@code batch}. */
  private static void trainStep(RnnSeq2Seq model, List<SyntheticTask.Pair> batch, Adam adam) {
    int b = batch.size();
    int width = TASK.maxLength() + 1; // <bos> + target, or target + <eos>
    long[][] src = new long[b][];
    int[] lengths = new int[b];
    long[][] trgIn = new long[b][width];
    long[][] trgOut = new long[b][width];
    boolean[][] mask = new boolean[b][width];
    for (int i = 0; i < b; i++) {
      long[] y = ids(batch.get(i).trg());
      lengths[i] = y.length; // a reversal is as long as its source
      src[i] = padded(ids(batch.get(i).src()), TASK.maxLength());
      trgIn[i][0] = BOS;
      System.arraycopy(y, 0, trgIn[i], 1, y.length);
      System.arraycopy(y, 0, trgOut[i], 0, y.length);
      trgOut[i][y.length] = EOS;
      Arrays.fill(mask[i], 0, y.length + 1, true);
    }
    try (NDManager scope = manager.newSubManager()) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits =
            model.logits(
                scope.create(src), lengths, scope.create(trgIn), TeacherForcing.ALWAYS, true);
        MaskedCrossEntropy.Result r =
            MaskedCrossEntropy.loss(logits, scope.create(trgOut), scope.create(mask), 0);
        gc.backward(r.sum().div(r.tokens()));
      }
      adam.step(model.parameters().asMap(), 0.03);
    }
  }

  private static List<SyntheticTask.Pair> sample(Random random, int n) {
    List<SyntheticTask.Pair> pairs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pairs.add(TASK.sample(random));
    }
    return pairs;
  }

  private static long[] ids(String text) {
    String[] words = text.split(" ");
    long[] ids = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      ids[i] = FIRST_LETTER + words[i].charAt(0) - 'a';
    }
    return ids;
  }

  private static long[] padded(long[] ids, int width) {
    long[] row = Arrays.copyOf(ids, width);
    Arrays.fill(row, ids.length, width, PAD);
    return row;
  }

  private static String text(int[] ids) {
    StringJoiner words = new StringJoiner(" ");
    for (int id : ids) {
      words.add(String.valueOf((char) ('a' + id - FIRST_LETTER)));
    }
    return words.toString();
  }
}
