package dev.seq4j.cli;

import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.RunConfig;
import dev.seq4j.engine.Engines;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.serve.ServeOptions;
import dev.seq4j.serve.TranslationServer;
import dev.seq4j.train.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j serve}: a trained translator behind HTTP, with a web page. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve a trained translator over HTTP: POST /v1/translate ({\"text\": …} or {\"texts\":"
            + " […]}, optional beam, nbest, maxLength, attention), GET /health, GET /v1/model,"
            + " GET /metrics (Prometheus) and a web page at /; for a names model POST /v1/classify"
            + " or POST /v1/generate instead of /v1/translate. Concurrent requests are decoded"
            + " together in dynamic batches. SIGTERM or Ctrl-C finishes the requests in flight,"
            + " answers new ones with 503, then exits.",
    footer = {
      "%nExample:",
      "  ./seq4j serve --model runs/ko-en --port 8080",
      "  curl -s localhost:8080/v1/translate -H 'Content-Type: application/json' \\",
      "       -d '{\"text\": \"파일을 열 수 없습니다\", \"beam\": 5}'"
    })
public final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      description =
          "run or checkpoint directory; several translation models make an ensemble"
              + " (log-probabilities averaged at each step; same vocabularies)")
  List<Path> models;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to bind (default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--max-batch",
      defaultValue = "64",
      description = "most texts decoded together (default: ${DEFAULT-VALUE})")
  int maxBatch;

  @Option(
      names = "--max-wait-ms",
      defaultValue = "5",
      description =
          "how long a request waits for others to batch with, 0 = no batching wait (default: ${DEFAULT-VALUE})")
  long maxWaitMillis;

  @Option(
      names = "--queue",
      defaultValue = "1024",
      description = "most texts waiting before requests get 429 (default: ${DEFAULT-VALUE})")
  int queue;

  @Option(
      names = "--max-texts",
      defaultValue = "64",
      description = "most texts in one request (default: ${DEFAULT-VALUE})")
  int maxTexts;

  @Option(
      names = "--max-chars",
      defaultValue = "2000",
      description = "longest text in characters (default: ${DEFAULT-VALUE})")
  int maxChars;

  @Option(
      names = "--max-body",
      defaultValue = "1048576",
      description = "largest request body in bytes (default: ${DEFAULT-VALUE})")
  long maxBody;

  @Option(
      names = "--max-beam",
      defaultValue = "16",
      description = "largest beam a request may ask for (default: ${DEFAULT-VALUE})")
  int maxBeam;

  @Option(
      names = "--request-timeout-ms",
      defaultValue = "60000",
      description =
          "a translate request still unanswered after this long gets 504 and its decoding is"
              + " stopped (default: ${DEFAULT-VALUE})")
  long requestTimeoutMillis;

  @Option(
      names = "--header-timeout-ms",
      defaultValue = "10000",
      description =
          "a request's line and headers must arrive within this long of its first byte or of the"
              + " connection opening; a deadline, so clients trickling bytes are closed too"
              + " (default: ${DEFAULT-VALUE})")
  long headerTimeoutMillis;

  @Option(
      names = "--body-timeout-ms",
      defaultValue = "30000",
      description =
          "a request's body must arrive within this long of its headers (default: ${DEFAULT-VALUE})")
  long bodyTimeoutMillis;

  @Option(
      names = "--idle-timeout-ms",
      defaultValue = "60000",
      description =
          "a kept-alive connection with no request is closed after this long (default:"
              + " ${DEFAULT-VALUE})")
  long idleTimeoutMillis;

  @Option(
      names = "--max-connections",
      defaultValue = "4096",
      description = "most open connections; more are closed at once (default: ${DEFAULT-VALUE})")
  int maxConnections;

  @Override
  public Integer call() throws Exception {
    ServeOptions defaults = ServeOptions.defaults();
    ServeOptions options =
        new ServeOptions(
            host,
            port,
            maxBatch,
            maxWaitMillis,
            queue,
            maxBody,
            maxTexts,
            maxChars,
            maxBeam,
            defaults.maxLength(),
            requestTimeoutMillis,
            defaults.threads(),
            headerTimeoutMillis,
            bodyTimeoutMillis,
            idleTimeoutMillis,
            maxConnections);
    Engines.start();
    Path checkpoint = RunDirectory.checkpoint(models.get(0));
    boolean namesModel =
        ConfigLoader.load(checkpoint.resolve("config.yaml"), List.of(), RunConfig::task)
            != RunConfig.Task.TRANSLATE;
    AutoCloseable bundle;
    TranslationServer server;
    if (namesModel) {
      if (models.size() > 1) {
        throw new IllegalArgumentException(
            models.get(0) + " is a names model: only translation models can be ensembled");
      }
      NamesBundle names = NamesBundle.load(checkpoint);
      bundle = names;
      server = new TranslationServer(names, options);
    } else {
      Models translators = Models.load(models, List.of());
      bundle = translators;
      try {
        server = new TranslationServer(translators.all(), options);
      } catch (IOException | RuntimeException e) {
        translators.close();
        throw e;
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.drain(30_000);
                  try {
                    bundle.close();
                  } catch (Exception e) {
                    // exiting anyway
                  }
                  stopped.countDown();
                },
                "seq4j-serve-shutdown"));
    server.start();
    spec.commandLine()
        .getOut()
        .printf(
            "serve: %s ready on http://%s:%d/%n",
            models.stream().map(Path::toString).collect(Collectors.joining(" + ")),
            host,
            server.port());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
