package dev.seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.attention.AttentionKind;
import dev.seq4j.model.rnn.Bridge;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnLayer;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GreedyTest {
  private static final long[][] SRC = {{5, 6, 7, 8, 9}, {4, 4, 0, 0, 0}, {9, 8, 7, 0, 0}};
  private static final int[] LENGTHS = {5, 2, 3};

  private static RnnSeq2Seq model(NDManager m, CellType cell) {
    return model(m, cell, AttentionKind.NONE, true);
  }

  private static RnnSeq2Seq model(
      NDManager m, CellType cell, AttentionKind attention, boolean bidirectional) {
    Engine.getInstance().setRandomSeed(11);
    return new RnnSeq2Seq(
        m,
        RnnConfig.builder()
            .cell(cell)
            .embedding(6)
            .hidden(8)
            .layers(2)
            .dropout(0)
            .bidirectional(bidirectional)
            .bridge(Bridge.Kind.LINEAR)
            .context(RnnConfig.Context.EVERY_STEP)
            .reverseSource(true)
            .initRange(0)
            .attention(attention)
            .decoder(RnnConfig.Decoder.LUONG)
            .inputFeeding(false)
            .build(),
        12,
        12);
  }

  @Test
  void aRowCutAtItsCapEndsForLengthAndAStopEndsTheLoopBetweenSteps() {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, CellType.GRU); // zero weights: <eos> never wins
      Greedy greedy = new Greedy(2, 3, LengthLimit.absolute(4));
      Greedy.Output o = greedy.decode(model, m, SRC, LENGTHS, false);
      assertEquals(4, o.ids()[0].length, "row 0 ran to its cap");
      for (int b = 0; b < SRC.length; b++) {
        FinishReason expected = o.ids()[b].length == 4 ? FinishReason.LENGTH : FinishReason.EOS;
        assertEquals(expected, o.finish()[b], "row " + b);
      }
      int[] asked = {0};
      CancellationException e =
          assertThrows(
              CancellationException.class,
              () -> greedy.decode(model, m, SRC, LENGTHS, false, () -> ++asked[0] > 2));
      assertEquals("decoding stopped after 2 steps", e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(AttentionKind.class)
  void batchedEqualsOneSentenceAtATimeWithAttention(AttentionKind attention) {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, CellType.GRU, attention, attention != AttentionKind.DOT);
      Greedy greedy = new Greedy(2, 3, LengthLimit.absolute(12));
      int[][] batched = greedy.decode(model, m, SRC, LENGTHS);
      for (int b = 0; b < SRC.length; b++) {
        long[][] one = {Arrays.copyOf(SRC[b], LENGTHS[b])};
        assertArrayEquals(
            greedy.decode(model, m, one, new int[] {LENGTHS[b]})[0], batched[b], "row " + b);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void batchedEqualsOneSentenceAtATime(CellType cell) {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, cell);
      Greedy greedy = new Greedy(2, 3, LengthLimit.absolute(12));
      for (RnnLayer.Mode mode : RnnLayer.Mode.values()) {
        model.setMode(mode);
        int[][] batched = greedy.decode(model, m, SRC, LENGTHS);
        for (int b = 0; b < SRC.length; b++) {
          long[][] one = {Arrays.copyOf(SRC[b], LENGTHS[b])};
          int[][] single = greedy.decode(model, m, one, new int[] {LENGTHS[b]});
          assertArrayEquals(single[0], batched[b], mode + " row " + b);
        }
      }
    }
  }

  @Test
  void batchedEqualsOneByOneForBahdanauAndInputFeeding() {
    try (NDManager m = Engines.start().newBaseManager()) {
      for (RnnConfig.Decoder decoder : RnnConfig.Decoder.values()) {
        Engine.getInstance().setRandomSeed(3);
        RnnSeq2Seq model =
            new RnnSeq2Seq(
                m,
                RnnConfig.builder()
                    .cell(CellType.GRU)
                    .embedding(6)
                    .hidden(8)
                    .layers(1)
                    .dropout(0)
                    .bidirectional(true)
                    .bridge(Bridge.Kind.SUM)
                    .context(RnnConfig.Context.INIT)
                    .reverseSource(false)
                    .initRange(0)
                    .attention(AttentionKind.ADDITIVE)
                    .decoder(decoder)
                    .inputFeeding(decoder == RnnConfig.Decoder.LUONG)
                    .build(),
                12,
                12);
        Greedy greedy = new Greedy(2, 3, LengthLimit.absolute(12));
        int[][] batched = greedy.decode(model, m, SRC, LENGTHS);
        for (int b = 0; b < SRC.length; b++) {
          long[][] one = {Arrays.copyOf(SRC[b], LENGTHS[b])};
          assertArrayEquals(
              greedy.decode(model, m, one, new int[] {LENGTHS[b]})[0],
              batched[b],
              decoder + " row " + b);
        }
      }
    }
  }

  @Test
  void outputRespectsTheLengthCapAndHasNoSpecials() {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, CellType.LSTM);
      int[][] out = new Greedy(2, 3, new LengthLimit(100, 1.0, 1)).decode(model, m, SRC, LENGTHS);
      for (int b = 0; b < SRC.length; b++) {
        assertTrue(out[b].length <= LENGTHS[b] + 1, "row " + b + ": " + Arrays.toString(out[b]));
        for (int id : out[b]) {
          assertTrue(id != 2 && id != 3, "no bos/eos in output");
        }
      }
    }
  }

  @Test
  void lengthLimitFormula() {
    LengthLimit l = new LengthLimit(50, 1.5, 10);
    assertEquals(25, l.forSource(10));
    assertEquals(50, l.forSource(40));
    assertEquals(20, LengthLimit.absolute(20).forSource(1000));
  }
}
