package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.TeacherForcing;
import java.util.ArrayList;
import java.util.List;

/**
 * Several models decoded as one (Sutskever et al. 2014 ensemble five LSTMs): every step runs each
 * member on the same previous tokens and averages their log-probabilities.
 *
 * <pre>
 * s_t(v) = (1/M) Σ_{m=1}^{M} log p_m(v | y_&lt;t, x)
 * </pre>
 *
 * A step's logits are {@code s_t}: greedy takes its argmax, beam search renormalises it with its
 * log-softmax (the normalised product of the members' distributions). The members may be of any
 * family (recurrent, Transformer, mixed); they must share the source and target vocabularies, which
 * the caller checks. The attention a step reports is the mean over the members that attend (null
 * when none does). Only the decoders' three calls and {@link #logits} (teacher-forced scoring, the
 * same mean) are combined; an ensemble owns no parameters and closing it closes no member.
 */
public final class Ensemble implements Seq2SeqModel {
  private final List<Seq2SeqModel> members;

  /** The ensemble of {@code members} (at least one). */
  public Ensemble(List<? extends Seq2SeqModel> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one model");
    }
    this.members = List.copyOf(members);
  }

  /** The members, in order. */
  public List<Seq2SeqModel> members() {
    return members;
  }

  /** Always fails: the parameters are the members'. */
  @Override
  public Parameters parameters() {
    throw new UnsupportedOperationException(
        "an ensemble has no parameters of its own: each member has its own");
  }

  /** The members' mean log-probabilities (B, T, V) for teacher-forced scoring. */
  @Override
  public NDArray logits(
      NDArray src, int[] srcLengths, NDArray trgIn, TeacherForcing forcing, boolean training) {
    NDArray sum = null;
    for (Seq2SeqModel m : members) {
      NDArray logp = m.logits(src, srcLengths, trgIn, forcing, training).logSoftmax(2);
      sum = sum == null ? logp : sum.add(logp);
    }
    return sum.div((float) members.size());
  }

  @Override
  public DecoderState encode(NDArray src, int[] srcLengths, StepOptions options) {
    List<DecoderState> states = new ArrayList<>(members.size());
    for (Seq2SeqModel m : members) {
      states.add(m.encode(src, srcLengths, options));
    }
    return new State(states);
  }

  @Override
  public void check(StepOptions options) {
    for (Seq2SeqModel m : members) {
      m.check(options);
    }
  }

  /** Each member's step on {@code previous}; the mean log-probabilities and attention. */
  @Override
  public Step step(NDArray previous, DecoderState state) {
    List<DecoderState> states = ((State) state).members();
    List<DecoderState> next = new ArrayList<>(members.size());
    NDArray sum = null; // (B, V)
    NDArray attention = null; // (B, S)
    int attending = 0;
    for (int m = 0; m < members.size(); m++) {
      Step s = members.get(m).step(previous, states.get(m));
      NDArray logp = s.logits().logSoftmax(1);
      sum = sum == null ? logp : sum.add(logp);
      if (s.attention() != null) {
        attention = attention == null ? s.attention() : attention.add(s.attention());
        attending++;
      }
      next.add(s.state());
    }
    NDArray meanAttention = attending == 0 ? null : attention.div((float) attending);
    return new Step(sum.div((float) members.size()), new State(next), meanAttention);
  }

  /** Members are closed by whoever made them. */
  @Override
  public void close() {}

  /** The members' states, in member order. */
  private record State(List<DecoderState> members) implements DecoderState {
    @Override
    public void attach(NDManager manager) {
      for (DecoderState s : members) {
        s.attach(manager);
      }
    }

    @Override
    public DecoderState select(NDArray rows) {
      return new State(members.stream().map(s -> s.select(rows)).toList());
    }

    @Override
    public DecoderState reorder(NDArray rows) {
      return new State(members.stream().map(s -> s.reorder(rows)).toList());
    }
  }
}
