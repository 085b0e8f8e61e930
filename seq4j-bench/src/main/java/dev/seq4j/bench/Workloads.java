package dev.seq4j.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.seq4j.decode.BeamSearch;
import dev.seq4j.decode.Greedy;
import dev.seq4j.decode.Hypothesis;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.decode.LengthPenalty;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.model.attention.AttentionKind;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.model.transformer.TransformerConfig;
import dev.seq4j.model.transformer.TransformerSeq2Seq;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import dev.seq4j.train.optim.Adam;
import dev.seq4j.train.optim.GradientClipping;
import dev.seq4j.train.optim.Optimizer;
import dev.seq4j.train.optim.Sgd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The training and decoding workloads P1, P2, P3, P4a, P4b and P4c of {@code
 * shared/bench/README.md}, built from seq4j's own model, loss, clipping and optimizer classes with
 * the peers' shapes, parameter counts, optimizers, warm-up and timed steps. Token ids are uniform
 * in [4, 8000), seeded (0..3 are pad, unk, bos, eos).
 */
public final class Workloads {
  public static final int VOCAB = 8000;
  private static final long BOS = 2;
  private static final long EOS = 3;

  private Workloads() {}

  /** One figure of a workload: what {@code RESULT name=… metric=… value=…} prints. */
  public record Result(String name, String metric, double value, long params, String summary) {}

  /** P1's model: 1-layer LSTM 512 encoder and decoder, embeddings 256, output with a bias. */
  public static RnnConfig p1Config() {
    return RnnConfig.builder().cell(CellType.LSTM).embedding(256).hidden(512).layers(1).build();
  }

  /** The P2 model: 2-layer LSTM 512, embeddings 256, Luong dot attention, W_y without bias. */
  public static RnnConfig p2Config() {
    return RnnConfig.builder()
        .cell(CellType.LSTM)
        .embedding(256)
        .hidden(512)
        .layers(2)
        .dropout(0.1)
        .attention(AttentionKind.DOT)
        .decoder(RnnConfig.Decoder.LUONG)
        .outputBias(false)
        .build();
  }

  /** The P3 model: torch.nn.Transformer(256, 4 heads, 3 + 3 layers, FFN 1024, post-LN). */
  public static TransformerConfig p3Config() {
    return TransformerConfig.builder()
        .dModel(256)
        .heads(4)
        .ffn(1024)
        .encoderLayers(3)
        .decoderLayers(3)
        .dropout(0.1)
        .norm(TransformerConfig.Norm.POST)
        .tie(TransformerConfig.Tie.NONE)
        .maxPositions(512)
        .build();
  }

  /** P1: batch 1, source 12, target 14, SGD 0.001 momentum 0.9, 30 warm-up and 600 timed steps. */
  public static Result p1(NDManager manager) {
    try (RnnSeq2Seq model = new RnnSeq2Seq(manager, p1Config(), VOCAB, VOCAB)) {
      Training t = new Training(model, new Sgd(0.9, 0), 0.001, 0, 0, 64, 1, 12, 14);
      Timing timing = t.run(manager, 30, 600);
      double rate = 600 / timing.seconds();
      return new Result(
          "seed_lstm_b1",
          "sentences/s",
          rate,
          model.parameters().count(),
          String.format(
              "P1 seed_lstm_b1: 600 steps (batch 1) in %.2f s = %.2f ms/step, %.1f sentences/s,"
                  + " %.0f target tok/s; loss %.3f -> %.3f",
              timing.seconds(),
              timing.seconds() / 600 * 1e3,
              rate,
              rate * 14,
              timing.firstLoss(),
              timing.lastLoss()));
    }
  }

  /** P2: batch 64, source 20, target 22, Adam 1e-3, clip 1.0, 3 warm-up and 60 timed steps. */
  public static List<Result> p2(NDManager manager) {
    try (RnnSeq2Seq model = new RnnSeq2Seq(manager, p2Config(), VOCAB, VOCAB)) {
      Training t = new Training(model, new Adam(0), 1e-3, 1.0, 0, 8, 64, 20, 22);
      double flops = TrainingFlops.rnnAttention(256, 512, 2, VOCAB, 64, 20, 22);
      return batchedTraining("P2", "lstm_attn_b64", model, flops, t.run(manager, 3, 60));
    }
  }

  /** P3: batch 64, source 20, target 22, label smoothing 0.1, Adam 1e-4 (0.9, 0.98), no clip. */
  public static List<Result> p3(NDManager manager) {
    try (TransformerSeq2Seq model = new TransformerSeq2Seq(manager, p3Config(), VOCAB, VOCAB)) {
      Training t = new Training(model, new Adam(0.9, 0.98, 1e-8, 0), 1e-4, 0, 0.1, 8, 64, 20, 22);
      double flops = TrainingFlops.transformer(256, 1024, 3, 3, VOCAB, 64, 20, 22);
      return batchedTraining("P3", "transformer_small", model, flops, t.run(manager, 3, 60));
    }
  }

  /**
   * The step rate as target tokens/s (the peers' metric) and as GFLOP/s of the step's matrix
   * products ({@link TrainingFlops}), which {@code bench/compare.sh} sets against P0.
   */
  private static List<Result> batchedTraining(
      String id, String name, Seq2SeqModel model, double stepFlops, Timing timing) {
    double tokens = 60.0 * 64 * 22;
    double rate = tokens / timing.seconds();
    double gflops = stepFlops * 60 / timing.seconds() / 1e9;
    long params = model.parameters().count();
    String summary =
        String.format(
            "%s %s: 60 steps in %.2f s = %.1f ms/step, %.1f sentences/s, %.0f target tok/s, %.1f"
                + " GFLOP/s in matrix products (%.1f GFLOP a step); loss %.3f -> %.3f",
            id,
            name,
            timing.seconds(),
            timing.seconds() / 60 * 1e3,
            60 * 64 / timing.seconds(),
            rate,
            gflops,
            stepFlops / 1e9,
            timing.firstLoss(),
            timing.lastLoss());
    return List.of(
        new Result(name, "tokens/s", rate, params, summary),
        new Result(name + "_products", "GFLOP/s", gflops, params, ""));
  }

  /** P4a: the P2 model, 256 sources of 20 ids in batches of 64, exactly 30 greedy steps. */
  public static Result p4a(NDManager manager) {
    try (RnnSeq2Seq model = new RnnSeq2Seq(manager, p2Config(), VOCAB, VOCAB)) {
      return greedy(manager, model, StepOptions.DEFAULT, 25, "P4a", "greedy_lstm_attn", "");
    }
  }

  /**
   * P4b: the P3 model, the same inputs and steps; the exact workload re-runs the decoder over the
   * whole prefix at every step (5 timed passes, as the peer), and the cached variant keeps each
   * layer's keys and values (25 passes: it is five times as fast).
   */
  public static List<Result> p4b(NDManager manager) {
    try (TransformerSeq2Seq model = new TransformerSeq2Seq(manager, p3Config(), VOCAB, VOCAB)) {
      StepOptions exact = StepOptions.cached(false);
      StepOptions cached = StepOptions.DEFAULT;
      return List.of( // in this order: the exact workload first
          greedy(manager, model, exact, 5, "P4b", "greedy_transformer", ", no cache"),
          greedy(manager, model, cached, 25, "P4b", "greedy_transformer_cached", ", cached"));
    }
  }

  /**
   * P4c: beam 5 over the P2 model, 64 sentences of 20 ids, exactly 30 steps; first one sentence at
   * a time as the peer does, then the 64 in one batch.
   */
  public static List<Result> p4c(NDManager manager) {
    int sentences = 64;
    int srcLength = 20;
    int steps = 30;
    int warmup = 8;
    int passes = 4;
    try (RnnSeq2Seq model = new RnnSeq2Seq(manager, p2Config(), VOCAB, VOCAB)) {
      long params = model.parameters().count();
      long[][] src = ids(new Random(0), sentences, srcLength);
      BeamSearch beam = p4cBeam(steps);
      for (int i = 0; i < warmup; i++) {
        beam.decode(model, manager, new long[][] {src[i]}, new int[] {srcLength}, 1, false);
      }
      long t0 = System.nanoTime();
      List<Hypothesis> first = null;
      for (int p = 0; p < passes; p++) {
        for (long[] sentence : src) {
          long[][] batch = {sentence};
          List<Hypothesis> h =
              beam.decode(model, manager, batch, new int[] {srcLength}, 1, false).get(0);
          first = first == null ? h : first;
        }
      }
      double oneAtATime = passes * sentences / ((System.nanoTime() - t0) / 1e9);
      int[] lengths = new int[sentences];
      Arrays.fill(lengths, srcLength);
      beam.decode(model, manager, src, lengths, 1, false); // warm-up
      t0 = System.nanoTime();
      for (int p = 0; p < passes; p++) {
        beam.decode(model, manager, src, lengths, 1, false);
      }
      double batched = passes * sentences / ((System.nanoTime() - t0) / 1e9);
      String summary =
          String.format(
              "P4c beam5_lstm_attn: one at a time %.1f sentences/s, batched over the 64 %.1f"
                  + " sentences/s; first hypothesis %d tokens, score %.2f",
              oneAtATime, batched, first.get(0).ids().length, first.get(0).score());
      return List.of(
          new Result("beam5_lstm_attn", "sentences/s", oneAtATime, params, summary),
          new Result("beam5_lstm_attn_batched", "sentences/s", batched, params, ""));
    }
  }

  /** Beam 5 that runs exactly {@code steps}: <eos> is barred until then and the cap ends there. */
  static BeamSearch p4cBeam(int steps) {
    return new BeamSearch(
        (int) BOS, (int) EOS, 5, LengthLimit.absolute(steps), LengthPenalty.none(), steps);
  }

  private static Result greedy(
      NDManager manager,
      Seq2SeqModel model,
      StepOptions options,
      int passes,
      String id,
      String name,
      String note) {
    int sentences = 256;
    int batch = 64;
    long[][] src = ids(new Random(0), sentences, 20);
    int[] lengths = new int[batch];
    Arrays.fill(lengths, 20);
    // <eos> is never an id (-1), so every row runs the 30 steps, as the peers ignore <eos>
    Greedy greedy = new Greedy((int) BOS, -1, LengthLimit.absolute(30)).withOptions(options);
    List<int[][]> first = new ArrayList<>();
    Runnable pass =
        () -> {
          first.clear();
          for (int i = 0; i < sentences; i += batch) {
            first.add(
                greedy.decode(model, manager, Arrays.copyOfRange(src, i, i + batch), lengths));
          }
        };
    pass.run(); // warm-up
    long t0 = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      pass.run();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double rate = passes * sentences / seconds;
    return new Result(
        name,
        "sentences/s",
        rate,
        model.parameters().count(),
        String.format(
            "%s %s: %d passes x %d sentences (batch %d, 30 steps%s) in %.2f s = %.1f sentences/s,"
                + " %.0f generated tok/s; first hyp %s",
            id,
            name,
            passes,
            sentences,
            batch,
            note,
            seconds,
            rate,
            rate * 30,
            Arrays.toString(Arrays.copyOf(first.get(0)[0], 6))));
  }

  /** Rows of ids uniform in [4, VOCAB). */
  public static long[][] ids(Random random, int rows, int length) {
    long[][] out = new long[rows][length];
    for (long[] row : out) {
      for (int i = 0; i < length; i++) {
        row[i] = 4 + random.nextInt(VOCAB - 4);
      }
    }
    return out;
  }

  private record Timing(double seconds, double firstLoss, double lastLoss) {}

  /**
   * Teacher-forced training steps over a pool of synthetic batches, cycled: decoder input {@code
   * <bos>} + body, target body + {@code <eos>}; the loss is the mean cross-entropy over every
   * target token (no padding), then clipping (when {@code clipNorm > 0}) and the optimizer step.
   */
  private static final class Training {
    private final Seq2SeqModel model;
    private final Optimizer optimizer;
    private final double lr;
    private final double clipNorm;
    private final double smoothing;
    private final long[][][] src;
    private final long[][][] trgIn;
    private final long[][][] trgOut;
    private final int[] srcLengths;

    Training(
        Seq2SeqModel model,
        Optimizer optimizer,
        double lr,
        double clipNorm,
        double smoothing,
        int pool,
        int batch,
        int srcLength,
        int trgLength) {
      this.model = model;
      this.optimizer = optimizer;
      this.lr = lr;
      this.clipNorm = clipNorm;
      this.smoothing = smoothing;
      Random random = new Random(0);
      src = new long[pool][][];
      trgIn = new long[pool][batch][trgLength];
      trgOut = new long[pool][batch][trgLength];
      for (int k = 0; k < pool; k++) {
        src[k] = ids(random, batch, srcLength);
        long[][] body = ids(random, batch, trgLength - 1);
        for (int b = 0; b < batch; b++) {
          trgIn[k][b][0] = BOS;
          System.arraycopy(body[b], 0, trgIn[k][b], 1, trgLength - 1);
          System.arraycopy(body[b], 0, trgOut[k][b], 0, trgLength - 1);
          trgOut[k][b][trgLength - 1] = EOS;
        }
      }
      srcLengths = new int[batch];
      Arrays.fill(srcLengths, srcLength);
    }

    Timing run(NDManager manager, int warmup, int steps) {
      double first = step(manager, 0);
      for (int i = 1; i < warmup; i++) {
        step(manager, i);
      }
      long t0 = System.nanoTime();
      double last = first;
      for (int i = 0; i < steps; i++) {
        last = step(manager, warmup + i);
      }
      return new Timing((System.nanoTime() - t0) / 1e9, first, last);
    }

    private double step(NDManager manager, int i) {
      int k = i % src.length;
      Map<String, NDArray> params = model.parameters().asMap();
      try (NDManager scope = manager.newSubManager()) {
        double loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray logits =
              model.logits(
                  scope.create(src[k]),
                  srcLengths,
                  scope.create(trgIn[k]),
                  TeacherForcing.ALWAYS,
                  true);
          NDArray targets = scope.create(trgOut[k]);
          NDArray mask = scope.ones(targets.getShape(), DataType.BOOLEAN);
          MaskedCrossEntropy.Result r = MaskedCrossEntropy.loss(logits, targets, mask, smoothing);
          NDArray mean = r.sum().div(r.tokens());
          gc.backward(mean);
          loss = mean.getFloat();
        }
        if (clipNorm > 0) {
          GradientClipping.clipByGlobalNorm(params.values(), clipNorm);
        }
        optimizer.step(params, lr);
        return loss;
      }
    }
  }

  /** The resident set's high-water mark of this process in MiB, or -1 where /proc is absent. */
  public static long peakRssMib() {
    try {
      for (String line :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
