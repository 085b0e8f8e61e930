package dev.seq4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.seq4j.decode.Hypothesis;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
  /**
   * The P2 benchmark model of {@code shared/bench} as {@code seq4j bench} builds it (2-layer LSTM
   * 512, embeddings 256, Luong dot attention, W_c with bias, W_y without): 16,073,216 parameters,
   * as {@code torch.nn} counts them.
   */
  @Test
  void theBenchmarkModelHasThePeersParameterCount() {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq p2 = new RnnSeq2Seq(m, Workloads.p2Config(), Workloads.VOCAB, Workloads.VOCAB);
      long embeddings = 2L * 8000 * 256;
      long lstm = (4L * 512 * (256 + 512) + 2 * 4 * 512) + (4L * 512 * (512 + 512) + 2 * 4 * 512);
      long combine = 1024L * 512 + 512;
      long output = 512L * 8000;
      assertEquals(embeddings + 2 * lstm + combine + output, p2.parameters().count());
      assertEquals(16_073_216, p2.parameters().count());
    }
  }

  /** P1 (11,353,920) and P3 (11,682,624, with nn.Transformer's final norms) as torch.nn counts. */
  @Test
  void p1AndP3HaveThePeersParameterCounts() {
    try (NDManager m = Engines.start().newBaseManager()) {
      long lstm = 4L * 512 * (256 + 512) + 2 * 4 * 512;
      long p1 = 2L * 8000 * 256 + 2 * lstm + 512L * 8000 + 8000;
      assertEquals(
          p1,
          new RnnSeq2Seq(m, Workloads.p1Config(), Workloads.VOCAB, Workloads.VOCAB)
              .parameters()
              .count());
      assertEquals(11_353_920, p1);
      long attention = 4L * (256 * 256 + 256);
      long ffn = 256L * 1024 + 1024 + 1024L * 256 + 256;
      long norm = 2 * 256;
      long encoder = 3 * (attention + ffn + 2 * norm) + norm;
      long decoder = 3 * (2 * attention + ffn + 3 * norm) + norm;
      long p3 = 2L * 8000 * 256 + encoder + decoder + 256L * 8000 + 8000;
      assertEquals(
          p3,
          new dev.seq4j.model.transformer.TransformerSeq2Seq(
                  m, Workloads.p3Config(), Workloads.VOCAB, Workloads.VOCAB)
              .parameters()
              .count());
      assertEquals(11_682_624, p3);
    }
  }

  /** P4c's beam over the P2 model decodes exactly 30 tokens, as the peer's fixed-length loop. */
  @Test
  void p4cBeamRunsExactlyThirtySteps() {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq p2 = new RnnSeq2Seq(m, Workloads.p2Config(), Workloads.VOCAB, Workloads.VOCAB);
      long[][] src = Workloads.ids(new Random(0), 1, 20);
      List<Hypothesis> beam =
          Workloads.p4cBeam(30).decode(p2, m, src, new int[] {20}, 1, false).get(0);
      assertEquals(1, beam.size());
      assertEquals(30, beam.get(0).ids().length);
    }
  }
}
