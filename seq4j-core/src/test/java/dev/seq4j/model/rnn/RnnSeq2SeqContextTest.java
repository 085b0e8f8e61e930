package dev.seq4j.model.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.TeacherForcing;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two places of the context vector c ({@code model.context}): {@code init} (Sutskever et al.
 * 2014) reads c only through the decoder's initial state s_0; {@code every-step} (Cho et al. 2014)
 * also feeds it with every input, {@code s_t = RNN([E y_{t-1}; c], s_{t-1})}. Both models here hold
 * the same weights: the Cho model's first decoder layer has W_ih = [W_e | W_c], W_e the Sutskever
 * model's matrix and W_c the extra columns that read c.
 */
class RnnSeq2SeqContextTest {
  private static final long[][] SRC = {{5, 6, 7, 8}, {9, 4, 0, 0}};
  private static final long[][] OTHER_SRC = {{8, 3, 3, 10}, {5, 11, 0, 0}};
  private static final int[] LENGTHS = {4, 2};
  private static final long[][] TRG_IN = {{2, 4, 5, 6}, {2, 7, 8, 0}};
  private static final int STEPS = TRG_IN[0].length;
  private static final int E = 6;
  private static final int H = 8;
  private static final String W_IH = "decoder.l0.weight_ih"; // (G·H, in)

  /** One layer, embeddings 6, hidden 8, vocabularies of 12, c in the given place. */
  private static RnnSeq2Seq model(NDManager m, CellType cell, RnnConfig.Context context) {
    Engine.getInstance().setRandomSeed(7);
    RnnConfig options =
        RnnConfig.builder().cell(cell).embedding(E).hidden(H).context(context).build();
    return new RnnSeq2Seq(m, options, 12, 12);
  }

  /**
   * A Cho model with every weight of {@code sutskever}; its decoder's W_ih is [W_e | W_c], W_c its
   * own random columns scaled by {@code scale} (0: the context is fed but read by zero weights).
   */
  private static RnnSeq2Seq cho(NDManager m, RnnSeq2Seq sutskever, float scale) {
    CellType cell = sutskever.options().cell();
    RnnSeq2Seq cho = model(m, cell, RnnConfig.Context.EVERY_STEP);
    Map<String, NDArray> values = new HashMap<>(sutskever.parameters().asMap());
    NDArray wC = cho.parameters().get(W_IH).get(new NDIndex(":, {}:", E)).mul(scale); // (G·H, H)
    values.put(W_IH, NDArrays.concat(new NDList(values.get(W_IH), wC), 1)); // (G·H, E + H)
    cho.parameters().assign(values, "the Sutskever model");
    return cho;
  }

  private static NDArray logits(RnnSeq2Seq model, NDManager m, long[][] src) {
    return model.logits(m.create(src), LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
  }

  /** Largest |a - b| at decoder step t of two (B, T, V) logits. */
  private static float gapAt(NDArray a, NDArray b, int t) {
    NDIndex step = new NDIndex(":, {}", t);
    return a.get(step).sub(b.get(step)).abs().max().getFloat();
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void onTheSameWeightsTheModesDifferOnlyThroughTheFedContext(CellType cell) {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq sutskever = model(m, cell, RnnConfig.Context.INIT);
      NDArray expected = logits(sutskever, m, SRC);
      NDArray unread = logits(cho(m, sutskever, 0f), m, SRC);
      NDArray read = logits(cho(m, sutskever, 1f), m, SRC);
      for (int t = 0; t < STEPS; t++) {
        assertEquals(0f, gapAt(expected, unread, t), 1e-6f, "W_c = 0: Cho = Sutskever, t=" + t);
        assertTrue(gapAt(expected, read, t) > 1e-3f, "c read at step " + t);
      }
    }
  }

  /**
   * With W_hh = 0 a step sees only its input, so the logits show what the input is: for Cho {@code
   * W_y tanh(W_ih [E y_{t-1}; c] + b_ih + b_hh) + b_y} at every step, with c the encoder's final
   * state; for Sutskever the same without c, so it forgets the source entirely.
   */
  @Test
  void choFeedsTheEmbeddingAndTheContextAtEveryStep() {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq sutskever = model(m, CellType.ELMAN, RnnConfig.Context.INIT);
      RnnSeq2Seq cho = cho(m, sutskever, 1f);
      for (RnnSeq2Seq model : new RnnSeq2Seq[] {sutskever, cho}) {
        NDArray wHh = model.parameters().get("decoder.l0.weight_hh");
        wHh.setRequiresGradient(false);
        wHh.set(new NDIndex("..."), 0f);
      }
      NDArray c = ((RnnSeq2Seq.State) cho.encode(m.create(SRC), LENGTHS)).context(); // (B, H)
      NDArray choLogits = logits(cho, m, SRC);
      NDArray sutskeverLogits = logits(sutskever, m, SRC);
      NDArray sutskeverOther = logits(sutskever, m, OTHER_SRC);
      NDArray choOther = logits(cho, m, OTHER_SRC);
      for (int t = 0; t < STEPS; t++) {
        NDArray y = cho.parameters().get("trg_embedding.weight").get(m.create(column(t))); // (B, E)
        NDArray byHand = readout(cho, NDArrays.concat(new NDList(y, c), 1)); // input (B, E + H)
        assertArrayEquals(
            byHand.toFloatArray(), choLogits.get(new NDIndex(":, {}", t)).toFloatArray(), 1e-5f);
        assertArrayEquals(
            readout(sutskever, y).toFloatArray(),
            sutskeverLogits.get(new NDIndex(":, {}", t)).toFloatArray(),
            1e-5f);
        assertEquals(0f, gapAt(sutskeverLogits, sutskeverOther, t), 0f, "no source, t=" + t);
        assertTrue(gapAt(choLogits, choOther, t) > 1e-3f, "the source through c, t=" + t);
      }
    }
  }

  /** {@code W_y tanh(W_ih x + b_ih + b_hh) + b_y} for the input {@code x} (B, in). */
  private static NDArray readout(RnnSeq2Seq model, NDArray x) {
    Map<String, NDArray> p = model.parameters().asMap();
    NDArray pre = x.matMul(p.get(W_IH).transpose()).add(p.get("decoder.l0.bias_ih"));
    NDArray s = pre.add(p.get("decoder.l0.bias_hh")).tanh(); // (B, H)
    return s.matMul(p.get("output.weight")).add(p.get("output.bias")); // (B, V)
  }

  private static long[] column(int t) {
    long[] ids = new long[TRG_IN.length];
    for (int b = 0; b < ids.length; b++) {
      ids[b] = TRG_IN[b][t];
    }
    return ids;
  }

  /**
   * The same s_0 with another sentence's c swapped in: Sutskever's steps never read c after s_0, so
   * every step's logits stay exactly the same; Cho's change at every step.
   */
  @ParameterizedTest
  @EnumSource(CellType.class)
  void aSwappedContextChangesEveryChoStepAndNoSutskeverStep(CellType cell) {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq sutskever = model(m, cell, RnnConfig.Context.INIT);
      RnnSeq2Seq cho = cho(m, sutskever, 1f);
      for (RnnSeq2Seq model : new RnnSeq2Seq[] {sutskever, cho}) {
        RnnSeq2Seq.State state = (RnnSeq2Seq.State) model.encode(m.create(SRC), LENGTHS);
        NDArray otherC = ((RnnSeq2Seq.State) model.encode(m.create(OTHER_SRC), LENGTHS)).context();
        RnnSeq2Seq.State swapped = new RnnSeq2Seq.PlainState(state.layers(), otherC);
        for (int t = 0; t < STEPS; t++) {
          NDArray previous = m.create(column(t));
          var step = model.step(previous, state);
          var other = model.step(previous, swapped);
          float gap = step.logits().sub(other.logits()).abs().max().getFloat();
          if (model == sutskever) {
            assertEquals(0f, gap, 0f, "Sutskever ignores c after s_0, t=" + t);
          } else {
            assertTrue(gap > 1e-3f, "Cho reads c at step " + t + ", gap " + gap);
          }
          state = (RnnSeq2Seq.State) step.state();
          swapped = (RnnSeq2Seq.State) other.state();
        }
      }
    }
  }
}
