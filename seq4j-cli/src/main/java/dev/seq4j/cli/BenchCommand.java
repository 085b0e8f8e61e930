package dev.seq4j.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.bench.LoadClient;
import dev.seq4j.bench.Peak;
import dev.seq4j.bench.SlowClients;
import dev.seq4j.bench.Workloads;
import dev.seq4j.engine.Engines;
import dev.seq4j.serve.ServeOptions;
import dev.seq4j.serve.TranslationServer;
import dev.seq4j.translate.TranslationBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seq4j bench}: runs a workload of {@code shared/bench} from {@link Workloads} (seq4j-bench)
 * and prints its summary, the peak RSS and {@code RESULT name=… metric=… value=… params=…}; {@code
 * serve} starts {@link TranslationServer} here and measures it with {@link LoadClient}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Run a benchmark workload of shared/bench/README.md with seq4j's own model classes and"
            + " print its RESULT line(s) last, after the peak resident memory. Workloads: p0 (2048²"
            + " matrix product in fp32 and bf16: the machine's peak), p1 (the seed recipe, batch"
            + " 1), p2 (LSTM + dot attention training, batch 64), p3 (Transformer training, batch"
            + " 64; both also as GFLOP/s of their matrix products), p4a (greedy, P2 model), p4b (greedy Transformer:"
            + " the exact workload without a cache, then with the decoder cache), p4c (beam 5 over"
            + " the P2 model: one sentence at a time as the peer does, then batched over the 64);"
            + " serve (a load test of seq4j serve on loopback: 1, 2 and 8 closed-loop clients,"
            + " with dynamic batching on and off, then 64 against a queue capped at 16 texts, and"
            + " where one client's time goes; needs --model and --input).",
    footer = {
      "%nExample:",
      "  ./seq4j bench p2",
      "  ./seq4j bench serve --model runs/m30k --input test.de --seconds 20"
    })
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "WORKLOAD", description = "p0, p1, p2, p3, p4a, p4b, p4c or serve")
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

  @Option(
      names = "--slow-sockets",
      defaultValue = "0",
      description =
          "serve: instead of the load table, measure 8 clients without and then beside this many"
              + " slow sockets (half trickling a byte every --slow-every-ms, half stalled after"
              + " partial headers) (default: ${DEFAULT-VALUE})")
  int slowSockets;

  @Option(
      names = "--slow-every-ms",
      defaultValue = "2000",
      description =
          "serve: how often a trickling slow socket sends a byte (default: ${DEFAULT-VALUE})")
  long slowEveryMillis;

  @Override
  public Integer call() throws Exception {
    if (workload.equals("serve") && slowSockets > 0) {
      return slowServe();
    }
    if (workload.equals("serve")) {
      return serve();
    }
    if (!List.of("p0", "p1", "p2", "p3", "p4a", "p4b", "p4c").contains(workload)) {
      throw new IllegalArgumentException(
          "unknown workload '" + workload + "' (known: p0, p1, p2, p3, p4a, p4b, p4c, serve)");
    }
    Engines.start();
    PrintWriter out = spec.commandLine().getOut();
    List<Workloads.Result> results;
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(0);
      results =
          switch (workload) {
            case "p1" -> List.of(Workloads.p1(manager));
            case "p0" -> Peak.p0(manager, Peak.N);
            case "p2" -> Workloads.p2(manager);
            case "p3" -> Workloads.p3(manager);
            case "p4a" -> List.of(Workloads.p4a(manager));
            case "p4b" -> Workloads.p4b(manager);
            default -> Workloads.p4c(manager);
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

  /**
   * The slow-client test: 8 closed-loop clients alone, then beside {@code slowSockets} slow ones;
   * prints both rows and how many slow sockets the server closed, and how fast.
   */
  private int slowServe() throws Exception {
    List<String> sentences = sentences();
    Engines.start();
    PrintWriter out = spec.commandLine().getOut();
    try (TranslationBundle bundle = TranslationBundle.load(model);
        TranslationServer server =
            new TranslationServer(bundle, ServeOptions.defaults().withPort(0))) {
      server.start();
      String base = "http://127.0.0.1:" + server.port();
      LoadClient.run(base, sentences, 2, Math.min(3, seconds), maxRequests); // warm-up
      LoadClient.Row alone = LoadClient.run(base, sentences, 8, seconds, maxRequests);
      SlowClients slow = SlowClients.open("127.0.0.1", server.port(), slowSockets, slowEveryMillis);
      LoadClient.Row beside = LoadClient.run(base, sentences, 8, seconds, maxRequests);
      SlowClients.Report r = slow.stop();
      out.printf(
          "%-22s %9s %7s %12s %9s %9s%n",
          "8 clients", "requests", "errors", "requests/s", "p50 ms", "p99 ms");
      for (LoadClient.Row row : List.of(alone, beside)) {
        out.printf(
            "%-22s %9d %7d %12.1f %9.1f %9.1f%n",
            row == alone ? "alone" : "beside " + slowSockets + " slow",
            row.requests(),
            row.errors(),
            row.throughput(),
            row.p50(),
            row.p99());
      }
      out.printf(
          "slow sockets closed by the server: %d of %d, the last after %.1f s"
              + " (throughput kept: %.0f %%)%n",
          r.closedByServer(),
          r.sockets(),
          r.maxSecondsToClose(),
          100 * beside.throughput() / alone.throughput());
    }
    return 0;
  }

  private List<String> sentences() throws Exception {
    if (model == null || input == null) {
      throw new IllegalArgumentException("bench serve needs --model DIR and --input FILE");
    }
    List<String> sentences =
        EvaluateCommand.readAll(input).stream().filter(l -> !l.isBlank()).toList();
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException(input + ": no sentences");
    }
    return sentences;
  }

  /**
   * The load test: the server in this process, 1, 2 and 8 clients with batching on and off, then 64
   * clients against a queue capped at 16 texts (its 429s should be fast, the accepted requests
   * within the request timeout); and where a lone client's time goes, from the server's {@code
   * Server-Timing}.
   */
  private int serve() throws Exception {
    List<String> sentences = sentences();
    Engines.start();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%-9s %7s %9s %7s %7s %12s %9s %9s %8s %9s%n",
        "batching",
        "clients",
        "requests",
        "429s",
        "errors",
        "requests/s",
        "p50 ms",
        "p99 ms",
        "p99/p50",
        "429 p99");
    Map<String, LoadClient.Row> lone = new LinkedHashMap<>();
    try (TranslationBundle bundle = TranslationBundle.load(model)) {
      for (String setting : List.of("on", "off", "on, cap 16")) {
        boolean batching = !setting.equals("off");
        ServeOptions o =
            ServeOptions.defaults()
                .withPort(0)
                .withBatching(
                    batching ? 64 : 1, batching ? 5 : 0, setting.endsWith("16") ? 16 : 4096);
        try (TranslationServer server = new TranslationServer(bundle, o)) {
          server.start();
          String base = "http://127.0.0.1:" + server.port();
          LoadClient.run(base, sentences, 2, Math.min(3, seconds), maxRequests); // warm-up
          for (int clients : setting.endsWith("16") ? new int[] {64} : new int[] {1, 2, 8}) {
            LoadClient.Row r = LoadClient.run(base, sentences, clients, seconds, maxRequests);
            printRow(out, setting, r);
            if (clients == 1) {
              lone.put(setting, r);
            }
          }
        }
      }
    }
    out.println("one client, medians in ms (Server-Timing; http: the rest of the round trip):");
    lone.forEach(
        (setting, r) -> {
          StringBuilder line = new StringBuilder("  batching " + setting + ":");
          r.parts().forEach((k, v) -> line.append(String.format(" %s %.2f", k, v)));
          out.println(line.append(String.format("; client p50 %.2f", r.p50())));
        });
    return 0;
  }

  private static void printRow(PrintWriter out, String setting, LoadClient.Row r) {
    out.printf(
        "%-9s %7d %9d %7d %7d %12.1f %9.1f %9.1f %8.2f %9.1f%n",
        setting,
        r.clients(),
        r.requests(),
        r.refused(),
        r.errors(),
        r.throughput(),
        r.p50(),
        r.p99(),
        r.p99() / r.p50(),
        r.refusedP99());
    out.flush();
  }
}
