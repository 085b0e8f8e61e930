package dev.seq4j.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.decode.BeamSearch;
import dev.seq4j.decode.Hypothesis;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.decode.LengthPenalty;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.rnn.Bridge;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnOptions;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import java.io.PrintWriter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code seq4j bench}: the workloads of {@code shared/bench} reproduced with seq4j's own model
 * classes, each ending with {@code RESULT name=… metric=… value=… params=…}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Run a benchmark workload of shared/bench/README.md with seq4j's models and print its"
            + " RESULT line. Workloads: p4c (beam 5 over the P2 model, 30 steps: one sentence at a"
            + " time as the peer does, then the 64 sentences batched).",
    footer = {"%nExample:", "  ./seq4j bench p4c"})
public final class BenchCommand implements Callable<Integer> {
  private static final int VOCAB = 8000;
  private static final int SENTENCES = 64;
  private static final int SRC_LEN = 20;
  private static final int STEPS = 30;
  private static final int BEAM = 5;
  private static final int WARMUP = 8;
  private static final int PASSES = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "WORKLOAD", description = "p4c")
  String workload;

  @Override
  public Integer call() {
    if (!workload.equals("p4c")) {
      throw new IllegalArgumentException("unknown workload '" + workload + "' (known: p4c)");
    }
    Engines.start();
    PrintWriter out = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(0);
      RnnSeq2Seq model = new RnnSeq2Seq(manager, p2Options());
      long params = model.parameters().count();
      long[][] src = sources();
      // exactly 30 steps: <eos> is barred for 30 steps and the cap ends every hypothesis at 30
      BeamSearch beam =
          new BeamSearch(2, 3, BEAM, LengthLimit.absolute(STEPS), LengthPenalty.none(), STEPS);
      for (int i = 0; i < WARMUP; i++) {
        beam.decode(model, manager, new long[][] {src[i]}, new int[] {SRC_LEN}, 1, false);
      }
      long t0 = System.nanoTime();
      List<Hypothesis> first = null;
      for (int p = 0; p < PASSES; p++) {
        for (long[] sentence : src) {
          List<Hypothesis> h =
              beam.decode(model, manager, new long[][] {sentence}, new int[] {SRC_LEN}, 1, false)
                  .get(0);
          first = first == null ? h : first;
        }
      }
      double oneAtATime = PASSES * SENTENCES / ((System.nanoTime() - t0) / 1e9);
      int[] lengths = new int[SENTENCES];
      java.util.Arrays.fill(lengths, SRC_LEN);
      beam.decode(model, manager, src, lengths, 1, false); // warm-up
      t0 = System.nanoTime();
      for (int p = 0; p < PASSES; p++) {
        beam.decode(model, manager, src, lengths, 1, false);
      }
      double batched = PASSES * SENTENCES / ((System.nanoTime() - t0) / 1e9);
      out.printf(
          "P4c beam5_lstm_attn: one at a time %.1f sentences/s, batched over the 64 %.1f"
              + " sentences/s; first hypothesis %d tokens, score %.2f%n",
          oneAtATime, batched, first.get(0).ids().length, first.get(0).score());
      out.printf(
          "RESULT name=beam5_lstm_attn metric=sentences/s value=%.1f params=%d%n",
          oneAtATime, params);
      out.printf(
          "RESULT name=beam5_lstm_attn_batched metric=sentences/s value=%.1f params=%d%n",
          batched, params);
    }
    return 0;
  }

  /** The P2 model: 2-layer LSTM 512, embeddings 256, Luong dot attention, W_y without bias. */
  static RnnOptions p2Options() {
    return new RnnOptions(
        CellType.LSTM,
        256,
        512,
        2,
        0.1,
        false,
        Bridge.Kind.LINEAR,
        false,
        false,
        0,
        VOCAB,
        VOCAB,
        RnnOptions.Attention.DOT,
        RnnOptions.Decoder.LUONG,
        false,
        false);
  }

  /** 64 sources of 20 ids uniform in [4, 8000), seeded. */
  private static long[][] sources() {
    Random random = new Random(0);
    long[][] src = new long[SENTENCES][SRC_LEN];
    for (long[] row : src) {
      for (int i = 0; i < SRC_LEN; i++) {
        row[i] = 4 + random.nextInt(VOCAB - 4);
      }
    }
    return src;
  }
}
