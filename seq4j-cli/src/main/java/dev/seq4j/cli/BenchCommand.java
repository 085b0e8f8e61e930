package dev.seq4j.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.bench.LoadTest;
import dev.seq4j.bench.Workloads;
import dev.seq4j.decode.BeamSearch;
import dev.seq4j.decode.Hypothesis;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.decode.LengthPenalty;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.serve.ServeOptions;
import dev.seq4j.serve.TranslationServer;
import dev.seq4j.translate.TranslationBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seq4j bench}: the workloads of {@code shared/bench} reproduced with seq4j's own model
 * classes, each ending with {@code RESULT name=… metric=… value=… params=…}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Run a benchmark workload of shared/bench/README.md with seq4j's own model classes and"
            + " print its RESULT line(s) last, after the peak resident memory. Workloads: p1 (the"
            + " seed recipe, batch 1), p2 (LSTM + dot attention training, batch 64), p3"
            + " (Transformer training, batch 64), p4a (greedy, P2 model), p4b (greedy Transformer:"
            + " the exact workload without a cache, then with the decoder cache), p4c (beam 5 over"
            + " the P2 model: one sentence at a time as the peer does, then batched over the 64);"
            + " serve (a load test of seq4j serve on loopback: 1, 2 and 8 closed-loop clients,"
            + " with dynamic batching on and off; needs --model and --input).",
    footer = {
      "%nExample:",
      "  ./seq4j bench p2",
      "  ./seq4j bench serve --model runs/m30k --input test.de --seconds 20"
    })
public final class BenchCommand implements Callable<Integer> {
  private static final int SENTENCES = 64;
  private static final int SRC_LEN = 20;
  private static final int STEPS = 30;
  private static final int BEAM = 5;
  private static final int WARMUP = 8;
  private static final int PASSES = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "WORKLOAD", description = "p1, p2, p3, p4a, p4b, p4c or serve")
  String workload;

  @Option(names = "--model", description = "serve: the model to load-test")
  Path model;

  @Option(names = "--input", description = "serve: sentences to send, one per line")
  Path input;

  @Option(
      names = "--seconds",
      defaultValue = "20",
      description = "serve: seconds per measurement (default: ${DEFAULT-VALUE})")
  double seconds;

  @Option(
      names = "--max-requests",
      defaultValue = "20000",
      description = "serve: most requests per measurement (default: ${DEFAULT-VALUE})")
  long maxRequests;

  @Override
  public Integer call() throws Exception {
    if (workload.equals("serve")) {
      return serve();
    }
    if (!List.of("p1", "p2", "p3", "p4a", "p4b", "p4c").contains(workload)) {
      throw new IllegalArgumentException(
          "unknown workload '" + workload + "' (known: p1, p2, p3, p4a, p4b, p4c, serve)");
    }
    Engines.start();
    PrintWriter out = spec.commandLine().getOut();
    List<Workloads.Result> results;
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(0);
      results =
          switch (workload) {
            case "p1" -> List.of(Workloads.p1(manager));
            case "p2" -> List.of(Workloads.p2(manager));
            case "p3" -> List.of(Workloads.p3(manager));
            case "p4a" -> List.of(Workloads.p4a(manager));
            case "p4b" -> Workloads.p4b(manager);
            default -> p4c(manager);
          };
    }
    results.stream().filter(r -> !r.summary().isEmpty()).forEach(r -> out.println(r.summary()));
    out.printf("peak RSS %d MiB%n", Workloads.peakRssMib());
    for (Workloads.Result r : results) {
      out.printf(
          "RESULT name=%s metric=%s value=%.2f params=%d%n",
          r.name(), r.metric(), r.value(), r.params());
    }
    return 0;
  }

  /** The load test: the server in this process, 1, 2 and 8 clients, batching on and off. */
  private int serve() throws Exception {
    if (model == null || input == null) {
      throw new IllegalArgumentException("bench serve needs --model DIR and --input FILE");
    }
    List<String> sentences =
        EvaluateCommand.readAll(input).stream().filter(l -> !l.isBlank()).toList();
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException(input + ": no sentences");
    }
    Engines.start();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%-9s %7s %9s %7s %12s %9s %9s %8s%n",
        "batching", "clients", "requests", "errors", "requests/s", "p50 ms", "p99 ms", "p99/p50");
    try (TranslationBundle bundle = TranslationBundle.load(model)) {
      for (boolean batching : new boolean[] {true, false}) {
        ServeOptions o =
            ServeOptions.defaults()
                .withPort(0)
                .withBatching(batching ? 64 : 1, batching ? 5 : 0, 4096);
        try (TranslationServer server = new TranslationServer(bundle, o)) {
          server.start();
          String base = "http://127.0.0.1:" + server.port();
          LoadTest.run(base, sentences, 2, Math.min(3, seconds), maxRequests); // warm-up
          for (int clients : new int[] {1, 2, 8}) {
            LoadTest.Row r = LoadTest.run(base, sentences, clients, seconds, maxRequests);
            out.printf(
                "%-9s %7d %9d %7d %12.1f %9.1f %9.1f %8.2f%n",
                batching ? "on" : "off",
                r.clients(),
                r.requests(),
                r.errors(),
                r.throughput(),
                r.p50(),
                r.p99(),
                r.p99() / r.p50());
            out.flush();
          }
        }
      }
    }
    return 0;
  }

  /** P4c: beam 5 over the P2 model, 64 sentences of 20 ids, exactly 30 steps. */
  private static List<Workloads.Result> p4c(NDManager manager) {
    try (RnnSeq2Seq model =
        new RnnSeq2Seq(manager, Workloads.p2Config(), Workloads.VOCAB, Workloads.VOCAB)) {
      long params = model.parameters().count();
      long[][] src = Workloads.ids(new Random(0), SENTENCES, SRC_LEN);
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
      Arrays.fill(lengths, SRC_LEN);
      beam.decode(model, manager, src, lengths, 1, false); // warm-up
      t0 = System.nanoTime();
      for (int p = 0; p < PASSES; p++) {
        beam.decode(model, manager, src, lengths, 1, false);
      }
      double batched = PASSES * SENTENCES / ((System.nanoTime() - t0) / 1e9);
      String summary =
          String.format(
              "P4c beam5_lstm_attn: one at a time %.1f sentences/s, batched over the 64 %.1f"
                  + " sentences/s; first hypothesis %d tokens, score %.2f",
              oneAtATime, batched, first.get(0).ids().length, first.get(0).score());
      return List.of(
          new Workloads.Result("beam5_lstm_attn", "sentences/s", oneAtATime, params, summary),
          new Workloads.Result("beam5_lstm_attn_batched", "sentences/s", batched, params, ""));
    }
  }
}
