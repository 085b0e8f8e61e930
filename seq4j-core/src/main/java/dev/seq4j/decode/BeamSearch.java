package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Beam search batched over sentences and beams: the model steps over B·K rows at once.
 *
 * <pre>
 * for each step: cand(b) = top-2K of { logP(h) + log p(v | h, x) : h live in sentence b, v ∈ V }
 *   an &lt;eos&gt; among the first K finishes its hypothesis; the first K others stay live
 * score(h) = LengthPenalty(logP(h), |h|)
 * </pre>
 *
 * A sentence is done when it has {@code nBest} finished hypotheses and the n-th best of them scores
 * at least what its best live hypothesis could still reach (its log-probability can only fall,
 * normalised at the longest length it may grow to). A hypothesis that reaches the length cap is
 * finished without {@code <eos>}. With beam size 1 this is greedy decoding.
 */
public final class BeamSearch {
  private final int bosId;
  private final int eosId;
  private final int beamSize;
  private final LengthLimit limit;
  private final LengthPenalty penalty;
  private final int minLength;
  private final StepOptions options;
  private final RepetitionControl repetition;
  private final CoveragePenalty coverage;

  /**
   * A beam search of {@code beamSize} live hypotheses per sentence.
   *
   * @param minLength {@code <eos>} is not allowed before this many output tokens
   */
  public BeamSearch(
      int bosId, int eosId, int beamSize, LengthLimit limit, LengthPenalty penalty, int minLength) {
    this(
        bosId,
        eosId,
        beamSize,
        limit,
        penalty,
        minLength,
        StepOptions.DEFAULT,
        RepetitionControl.NONE,
        CoveragePenalty.NONE);
  }

  private BeamSearch(BeamSearch b, StepOptions o, RepetitionControl r, CoveragePenalty c) {
    this(b.bosId, b.eosId, b.beamSize, b.limit, b.penalty, b.minLength, o, r, c);
  }

  private BeamSearch(
      int bosId,
      int eosId,
      int beamSize,
      LengthLimit limit,
      LengthPenalty penalty,
      int minLength,
      StepOptions options,
      RepetitionControl repetition,
      CoveragePenalty coverage) {
    if (beamSize < 1) {
      throw new IllegalArgumentException("beamSize must be >= 1, was " + beamSize);
    }
    if (minLength < 0) {
      throw new IllegalArgumentException("minLength must be >= 0, was " + minLength);
    }
    this.bosId = bosId;
    this.eosId = eosId;
    this.beamSize = beamSize;
    this.limit = limit;
    this.penalty = penalty;
    this.minLength = minLength;
    this.options = options;
    this.repetition = repetition;
    this.coverage = coverage == null ? CoveragePenalty.NONE : coverage;
  }

  /** The same search passing {@code options} (cache, attention view) to every encode call. */
  public BeamSearch withOptions(StepOptions options) {
    return new BeamSearch(this, options, repetition, coverage);
  }

  /** The same search adjusting each step's logits for repetition before the top-2K choice. */
  public BeamSearch withRepetition(RepetitionControl repetition) {
    return new BeamSearch(this, options, repetition, coverage);
  }

  /**
   * The same search adding {@code coverage} to the score of each finished hypothesis; it needs a
   * model that attends (one that does not is refused when decoding starts).
   */
  public BeamSearch withCoverage(CoveragePenalty coverage) {
    return new BeamSearch(this, options, repetition, coverage);
  }

  /**
   * Decodes a batch of padded source rows.
   *
   * @param nBest hypotheses to return per sentence (at most the beam size)
   * @param withAttention keep each output token's attention weights (models that attend)
   * @return per sentence, up to {@code nBest} hypotheses, best first
   */
  public List<List<Hypothesis>> decode(
      Seq2SeqModel model,
      NDManager manager,
      long[][] src,
      int[] srcLengths,
      int nBest,
      boolean withAttention) {
    return decode(model, manager, src, srcLengths, nBest, withAttention, () -> false);
  }

  /**
   * Like {@link #decode(Seq2SeqModel, NDManager, long[][], int[], int, boolean)}, asking {@code
   * stop} before every step.
   *
   * @throws CancellationException when {@code stop} says so
   */
  public List<List<Hypothesis>> decode(
      Seq2SeqModel model,
      NDManager manager,
      long[][] src,
      int[] srcLengths,
      int nBest,
      boolean withAttention,
      BooleanSupplier stop) {
    checkNBest(nBest);
    Beam[] beams = newBeams(srcLengths, nBest, withAttention);
    int longest = Arrays.stream(beams).mapToInt(beam -> beam.cap).max().orElse(0);
    try (NDManager scope = manager.newSubManager()) {
      NDManager stateScope = scope.newSubManager();
      long[] firstRows = firstRows(src.length);
      DecoderState state =
          model
              .encode(stateScope.create(src), srcLengths, options)
              .select(stateScope.create(firstRows));
      for (int t = 0; t < longest && !allDone(beams); t++) {
        stopIfAsked(stop, t, stateScope);
        NDManager nextScope = scope.newSubManager();
        try (NDManager stepScope = scope.newSubManager()) {
          Seq2SeqModel.Step step = step(model, state, beams, stepScope, t);
          Candidates c = candidates(step, beams, stepScope, withAttention, t);
          long[] rows = new long[beams.length * beamSize];
          for (int b = 0; b < beams.length; b++) {
            beams[b].advance(c, b, srcLengths[b], rows);
          }
          if (!allDone(beams)) {
            state = step.state().reorder(nextScope.create(rows));
            state.attach(nextScope); // what reorder kept moves too, before the old scope closes
          }
        }
        stateScope.close();
        stateScope = nextScope;
      }
      stateScope.close();
    }
    return Arrays.stream(beams).map(Beam::best).toList(); // each sentence's best
  }

  private void checkNBest(int nBest) {
    if (nBest < 1 || nBest > beamSize) {
      throw new IllegalArgumentException(
          "nbest must be in [1, beamSize=" + beamSize + "], was " + nBest);
    }
  }

  /** Throws (closing the live state first) when {@code stop} says the result is not wanted. */
  private static void stopIfAsked(BooleanSupplier stop, int t, NDManager stateScope) {
    if (stop.getAsBoolean()) {
      stateScope.close();
      throw new CancellationException("decoding stopped after " + t + " steps");
    }
  }

  /** One empty beam per sentence, capped by its source length. */
  private Beam[] newBeams(int[] srcLengths, int nBest, boolean keepWeights) {
    Beam[] beams = new Beam[srcLengths.length];
    for (int b = 0; b < beams.length; b++) {
      beams[b] = new Beam(limit.forSource(srcLengths[b]), nBest, keepWeights);
    }
    return beams;
  }

  /** The encoder row of each of the B·K decoder rows: each sentence repeated K times. */
  private long[] firstRows(int batch) {
    long[] rows = new long[batch * beamSize];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = r / beamSize;
    }
    return rows;
  }

  /** One model step over every row, fed each live hypothesis's last token. */
  private Seq2SeqModel.Step step(
      Seq2SeqModel model, DecoderState state, Beam[] beams, NDManager scope, int t) {
    long[] previous = new long[beams.length * beamSize];
    for (int b = 0; b < beams.length; b++) {
      for (int j = 0; j < beamSize; j++) {
        previous[b * beamSize + j] = beams[b].lastToken(j, bosId);
      }
    }
    return model.step(scope.create(previous, new Shape(previous.length)), state);
  }

  /** The top 2K continuations of each sentence, with the rows' attention when asked. */
  private Candidates candidates(
      Seq2SeqModel.Step step, Beam[] beams, NDManager scope, boolean withAttention, int t) {
    NDArray logits = repetition.apply(step.logits(), histories(beams)); // (B·K, V)
    NDArray logp = logits.logSoftmax(1); // (B·K, V)
    int vocabulary = (int) logp.getShape().get(1);
    float[] previous = new float[beams.length * beamSize];
    for (int b = 0; b < beams.length; b++) {
      for (int j = 0; j < beamSize; j++) {
        previous[b * beamSize + j] = (float) beams[b].logProb(j);
      }
    }
    NDArray total = logp.add(scope.create(previous, new Shape(previous.length, 1)));
    if (t < minLength) {
      float[] block = new float[vocabulary];
      block[eosId] = Float.NEGATIVE_INFINITY;
      total = total.add(scope.create(block));
    }
    int width = Math.min(2 * beamSize, beamSize * vocabulary);
    NDList top = total.reshape(beams.length, (long) beamSize * vocabulary).topK(width, 1);
    NDArray attention = step.attention();
    if (coverage.active() && attention == null) {
      throw new IllegalArgumentException(
          "decode.coveragePenalty needs a model with attention; this model has none");
    }
    boolean keep = withAttention || coverage.active();
    return new Candidates(
        top.get(0).toFloatArray(),
        top.get(1).toLongArray(),
        width,
        vocabulary,
        keep && attention != null ? attention.toFloatArray() : null,
        attention == null ? 0 : (int) attention.getShape().get(1));
  }

  /** The output so far of each of the B·K rows (empty for a dead row, or when not needed). */
  private int[][] histories(Beam[] beams) {
    int[][] out = new int[beams.length * beamSize][];
    for (int b = 0; b < beams.length; b++) {
      for (int j = 0; j < beamSize; j++) {
        List<Partial> live = beams[b].live;
        boolean known = repetition.active() && j < live.size();
        out[b * beamSize + j] = known ? live.get(j).ids() : new int[0];
      }
    }
    return out;
  }

  /**
   * Per sentence (row-major) the {@code width} best totals and their flat indices {@code slot·V +
   * token}; the attention (B·K, S) or null.
   */
  private record Candidates(
      float[] totals, long[] indices, int width, int vocabulary, float[] attention, int srcWidth) {}

  private static boolean allDone(Beam[] beams) {
    for (Beam b : beams) {
      if (!b.done) {
        return false;
      }
    }
    return true;
  }

  /** One sentence's live and finished hypotheses. */
  private final class Beam {
    final int cap;
    final int nBest;
    List<Partial> live = new ArrayList<>(List.of(Partial.EMPTY));
    final List<Hypothesis> finished = new ArrayList<>();
    boolean done;

    final boolean keepWeights;

    Beam(int cap, int nBest, boolean keepWeights) {
      this.cap = cap;
      this.nBest = nBest;
      this.keepWeights = keepWeights;
    }

    long lastToken(int slot, int bos) {
      if (slot >= live.size()) {
        return bos; // a dead row: its candidates score -inf
      }
      int[] ids = live.get(slot).ids();
      return ids.length == 0 ? bos : ids[ids.length - 1];
    }

    double logProb(int slot) {
      return slot < live.size() ? live.get(slot).logProb() : Double.NEGATIVE_INFINITY;
    }

    /** Takes this sentence's candidates; writes the parent row of each new live slot. */
    void advance(Candidates c, int b, int srcLength, long[] rows) {
      if (done) {
        Arrays.fill(rows, b * beamSize, (b + 1) * beamSize, (long) b * beamSize);
        return;
      }
      List<Partial> next = new ArrayList<>();
      long[] parents = new long[beamSize];
      for (int j = 0; j < c.width() && next.size() < beamSize; j++) {
        float total = c.totals()[b * c.width() + j];
        if (total == Float.NEGATIVE_INFINITY) {
          break;
        }
        long index = c.indices()[b * c.width() + j];
        int slot = (int) (index / c.vocabulary());
        int token = (int) (index % c.vocabulary());
        Partial parent = live.get(slot);
        float[] w = weights(c, b * beamSize + slot, srcLength);
        Partial p = parent.extend(token, total, w, keepWeights, coverage.active());
        if (token == eosId) {
          if (j < beamSize) {
            finish(p, true);
          }
          continue;
        }
        if (p.ids().length >= cap) {
          finish(p, false);
        } else {
          parents[next.size()] = (long) b * beamSize + slot;
          next.add(p);
        }
      }
      live = next;
      for (int j = 0; j < beamSize; j++) {
        rows[b * beamSize + j] = j < next.size() ? parents[j] : (long) b * beamSize;
      }
      done = live.isEmpty() || cannotImprove();
    }

    private float[] weights(Candidates c, int row, int srcLength) {
      if (c.attention() == null) {
        return null;
      }
      int from = row * c.srcWidth();
      return Arrays.copyOfRange(c.attention(), from, from + srcLength);
    }

    /**
     * Adds {@code p} to the finished list; with {@code eos} its last token is the {@code <eos>}.
     */
    private void finish(Partial p, boolean eos) {
      finished.add(p.finish(eos, penalty, coverage));
    }

    /** Whether the n-th best finished score beats anything the best live one can still reach. */
    private boolean cannotImprove() {
      if (finished.size() < nBest) {
        return false;
      }
      double bound = penalty.score(live.get(0).logProb(), cap + 1);
      List<Hypothesis> sorted = sorted();
      return sorted.get(nBest - 1).score() >= bound;
    }

    private List<Hypothesis> sorted() {
      List<Hypothesis> s = new ArrayList<>(finished);
      s.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
      return s;
    }

    /** The best {@code nBest}: finished ones, and live ones when the cap ended the search. */
    List<Hypothesis> best() {
      if (!done) {
        for (Partial p : live) {
          finish(p, false);
        }
        live = List.of();
        done = true;
      }
      List<Hypothesis> s = sorted();
      return s.subList(0, Math.min(nBest, s.size()));
    }
  }
}
