package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.seq4j.decode.BeamSearch;
import dev.seq4j.decode.Greedy;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.decode.LengthPenalty;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.model.rnn.Bridge;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnLayer;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.model.transformer.TransformerConfig;
import dev.seq4j.model.transformer.TransformerSeq2Seq;
import dev.seq4j.train.optim.Adam;
import dev.seq4j.train.optim.GradientClipping;
import dev.seq4j.train.optim.Optimizer;
import dev.seq4j.train.optim.Sgd;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Training steps leave nothing behind in the long-lived managers: every temporary dies with its
 * step's scope (a leak here grew a Multi30k run to 24 GB before this test existed).
 */
class MemoryScopeTest {
  private static final long[][] SRC = {{4, 5, 6}, {7, 8, 0}};
  private static final long[][] TRG = {{2, 4, 5}, {2, 6, 0}};

  @Test
  void stepsDoNotGrowTheParameterOrBaseManagers() {
    Engines.start();
    for (RnnLayer.Mode mode : RnnLayer.Mode.values()) {
      for (Optimizer optimizer : new Optimizer[] {new Adam(0.01), new Sgd(0.9, 0.01)}) {
        try (NDManager base = NDManager.newBaseManager()) {
          RnnSeq2Seq model =
              new RnnSeq2Seq(
                  base,
                  RnnConfig.builder()
                      .cell(CellType.LSTM)
                      .embedding(4)
                      .hidden(6)
                      .layers(2)
                      .dropout(0.1)
                      .bidirectional(true)
                      .bridge(Bridge.Kind.LINEAR)
                      .context(RnnConfig.Context.EVERY_STEP)
                      .reverseSource(true)
                      .initRange(0)
                      .build(),
                  10,
                  10);
          model.setMode(mode);
          step(model, base, optimizer);
          int params = model.parameters().manager().getManagedArrays().size();
          int all = base.getManagedArrays().size();
          for (int i = 0; i < 5; i++) {
            step(model, base, optimizer);
          }
          assertEquals(
              params, model.parameters().manager().getManagedArrays().size(), mode + " params");
          assertEquals(all, base.getManagedArrays().size(), mode + " base");
        }
      }
    }
  }

  @Test
  void transformerTrainingGreedyAndBeamDecodingDoNotGrowTheManagers() {
    Engines.start();
    try (NDManager base = NDManager.newBaseManager()) {
      TransformerSeq2Seq model =
          new TransformerSeq2Seq(
              base,
              TransformerConfig.builder()
                  .dModel(8)
                  .heads(2)
                  .ffn(16)
                  .encoderLayers(2)
                  .decoderLayers(2)
                  .dropout(0.1)
                  .norm(TransformerConfig.Norm.POST)
                  .tie(TransformerConfig.Tie.ALL)
                  .maxPositions(32)
                  .build(),
              10,
              10);
      Optimizer optimizer = new Adam(0.01);
      Greedy greedy = new Greedy(2, 3, LengthLimit.absolute(6));
      BeamSearch beam = new BeamSearch(2, 3, 3, LengthLimit.absolute(6), LengthPenalty.none(), 0);
      step(model, base, optimizer);
      greedy.decode(model, base, SRC, new int[] {3, 2});
      beam.decode(model, base, SRC, new int[] {3, 2}, 2, true);
      int params = model.parameters().manager().getManagedArrays().size();
      int all = base.getManagedArrays().size();
      for (int i = 0; i < 5; i++) {
        step(model, base, optimizer);
        greedy.decode(model, base, SRC, new int[] {3, 2});
        beam.decode(model, base, SRC, new int[] {3, 2}, 2, true);
      }
      assertEquals(params, model.parameters().manager().getManagedArrays().size(), "params");
      assertEquals(all, base.getManagedArrays().size(), "base");
    }
  }

  private static void step(Seq2SeqModel model, NDManager base, Optimizer optimizer) {
    double teacherForcing = model instanceof TransformerSeq2Seq ? 1.0 : 0.5;
    try (NDManager scope = base.newSubManager()) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits =
            model.logits(
                scope.create(SRC),
                new int[] {3, 2},
                scope.create(TRG),
                new TeacherForcing(teacherForcing, new Random(1)),
                true);
        gc.backward(logits.logSoftmax(2).mean().neg());
      }
      GradientClipping.clipByGlobalNorm(model.parameters().asMap().values(), 1.0);
      optimizer.step(model.parameters().asMap(), 0.01);
    }
  }
}
