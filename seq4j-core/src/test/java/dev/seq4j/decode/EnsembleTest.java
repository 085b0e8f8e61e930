package dev.seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.attention.AttentionKind;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.model.transformer.TransformerConfig;
import dev.seq4j.model.transformer.TransformerSeq2Seq;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleTest {
  private static final long[][] SRC = {{5, 6, 7, 8, 9}, {4, 4, 0, 0, 0}, {9, 8, 7, 0, 0}};
  private static final int[] LENGTHS = {5, 2, 3};
  private static final int BOS = 2;
  private static final int EOS = 3;
  private static final LengthLimit CAP = new LengthLimit(12, 2, 1);

  /** A recurrent model with attention and a Transformer, randomly initialised (vocabulary 12). */
  static List<Seq2SeqModel> models(NDManager m) {
    Engine.getInstance().setRandomSeed(11);
    RnnSeq2Seq rnn =
        new RnnSeq2Seq(
            m,
            RnnConfig.builder()
                .cell(CellType.GRU)
                .embedding(6)
                .hidden(8)
                .attention(AttentionKind.ADDITIVE)
                .build(),
            12,
            12);
    TransformerSeq2Seq transformer =
        new TransformerSeq2Seq(
            m,
            TransformerConfig.builder()
                .dModel(16)
                .heads(2)
                .ffn(32)
                .encoderLayers(1)
                .decoderLayers(2)
                .dropout(0.1)
                .maxPositions(64)
                .build(),
            12,
            12);
    return List.of(rnn, transformer);
  }

  private static BeamSearch beam() {
    return new BeamSearch(BOS, EOS, 3, CAP, LengthPenalty.none(), 0);
  }

  /** The same outputs: greedy ids, and beam ids and scores (the scores to float rounding). */
  private static void assertSameOutputs(Seq2SeqModel expected, Seq2SeqModel actual, NDManager m) {
    assertArrayEquals(
        new Greedy(BOS, EOS, CAP).decode(expected, m, SRC, LENGTHS),
        new Greedy(BOS, EOS, CAP).decode(actual, m, SRC, LENGTHS));
    List<List<Hypothesis>> x = beam().decode(expected, m, SRC, LENGTHS, 3, true);
    List<List<Hypothesis>> y = beam().decode(actual, m, SRC, LENGTHS, 3, true);
    for (int b = 0; b < SRC.length; b++) {
      for (int n = 0; n < 3; n++) {
        assertArrayEquals(x.get(b).get(n).ids(), y.get(b).get(n).ids(), "row " + b + " n " + n);
        assertEquals(x.get(b).get(n).score(), y.get(b).get(n).score(), 1e-5);
        assertArrayEquals(x.get(b).get(n).weights()[0], y.get(b).get(n).weights()[0], 1e-6f);
      }
    }
  }

  @Test
  void anEnsembleOfOneIsTheModel() {
    try (NDManager m = Engines.start().newBaseManager()) {
      for (Seq2SeqModel model : models(m)) {
        assertSameOutputs(model, new Ensemble(List.of(model)), m);
      }
    }
  }

  @Test
  void anEnsembleOfTwoIdenticalModelsIsTheModel() {
    try (NDManager m = Engines.start().newBaseManager()) {
      for (Seq2SeqModel model : models(m)) {
        assertSameOutputs(model, new Ensemble(List.of(model, model)), m);
      }
    }
  }

  @Test
  void aMixedEnsemblesFirstStepIsTheMeanOfItsMembersLogProbabilities() {
    try (NDManager m = Engines.start().newBaseManager()) {
      List<Seq2SeqModel> members = models(m);
      Ensemble ensemble = new Ensemble(members);
      NDArray src = m.create(SRC);
      NDArray bos = m.create(new long[] {BOS, BOS, BOS}, new Shape(3));
      float[] mean = new float[3 * 12];
      float[] attention = new float[3 * 5];
      for (Seq2SeqModel model : members) {
        Seq2SeqModel.Step s = model.step(bos, model.encode(src, LENGTHS));
        float[] logp = s.logits().logSoftmax(1).toFloatArray();
        float[] att = s.attention().toFloatArray();
        for (int i = 0; i < mean.length; i++) {
          mean[i] += logp[i] / 2;
        }
        for (int i = 0; i < attention.length; i++) {
          attention[i] += att[i] / 2;
        }
      }
      DecoderState state = ensemble.encode(src, LENGTHS);
      Seq2SeqModel.Step step = ensemble.step(bos, state);
      assertArrayEquals(mean, step.logits().toFloatArray(), 1e-5f);
      assertArrayEquals(attention, step.attention().toFloatArray(), 1e-6f);
      // and the ensemble decodes: beam size 1 is greedy
      int[][] greedy = new Greedy(BOS, EOS, CAP).decode(ensemble, m, SRC, LENGTHS);
      List<List<Hypothesis>> one =
          new BeamSearch(BOS, EOS, 1, CAP, LengthPenalty.none(), 0)
              .decode(ensemble, m, SRC, LENGTHS, 1, false);
      for (int b = 0; b < SRC.length; b++) {
        assertArrayEquals(greedy[b], one.get(b).get(0).ids());
      }
    }
  }
}
