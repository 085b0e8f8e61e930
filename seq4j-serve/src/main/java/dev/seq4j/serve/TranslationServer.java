package dev.seq4j.serve;

import static dev.seq4j.serve.Responses.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.serve.Responses.Reply;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code seq4j serve}: {@code POST /v1/translate}, {@code GET /health}, {@code
 * GET /v1/model}, {@code GET /metrics} and the web page at {@code GET /} ({@code HEAD} too on each
 * {@code GET} route). Requests are validated before they are queued (every limit answers a JSON
 * {@code {"error": …, "field": …}}) and translated in dynamic batches by {@link BatchingQueue}, on
 * its own thread: the network's event loops ({@link Listener}) only parse and answer.
 *
 * <p>This class holds the lifecycle (loading, ready, draining) and the routing; the endpoints are
 * {@link TranslateApi} and {@link NamesApi}, connections are handled by {@link HttpConnection}.
 */
public final class TranslationServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TranslationServer.class);

  /** The status logged for a request whose client left before its answer (nginx's 499). */
  static final int CLIENT_CLOSED = 499;

  private static final List<String> KNOWN_PATHS =
      List.of(
          "/", "/health", "/metrics", "/v1/model", "/v1/translate", "/v1/classify", "/v1/generate");

  private final TranslateApi translator;
  private final NamesApi names;
  private final ExecutorService namesWorker;
  private final ServeOptions options;
  private final Metrics metrics = new Metrics();
  private final Listener listener;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile String state = "loading";

  /**
   * Binds the server for a translator ({@code /health} says loading); {@link #start()} warms the
   * model up.
   *
   * @throws IOException naming the host and port when they cannot be bound (e.g. in use)
   */
  public TranslationServer(TranslationBundle bundle, ServeOptions options) throws IOException {
    this(List.of(bundle), null, options);
  }

  /**
   * Binds the server for an ensemble of translators (log-probabilities averaged at each step; the
   * first gives the tokenizers, vocabularies and decoding settings).
   *
   * @throws IllegalArgumentException naming both models when two members cannot be ensembled
   *     (vocabularies or tokenization differ), before anything is bound
   * @throws IOException naming the host and port when they cannot be bound (e.g. in use)
   */
  public TranslationServer(List<TranslationBundle> bundles, ServeOptions options)
      throws IOException {
    this(bundles, null, options);
  }

  /** Binds the server for a names classifier or generator. */
  public TranslationServer(NamesBundle names, ServeOptions options) throws IOException {
    this(null, names, options);
  }

  private TranslationServer(
      List<TranslationBundle> bundles, NamesBundle names, ServeOptions options) throws IOException {
    this.names = names == null ? null : new NamesApi(names, JSON, options);
    this.namesWorker =
        names == null ? null : Executors.newSingleThreadExecutor(r -> daemon(r, "seq4j-names"));
    this.options = options;
    this.translator = bundles == null ? null : new TranslateApi(bundles, options, metrics);
    this.listener = Listener.bind(options, metrics, this::handle);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return listener.port();
  }

  /**
   * Starts answering ({@code /health} says loading), then translates one sentence; only when that
   * gives a non-empty text does {@code /health} say ready.
   *
   * @throws IllegalStateException when the warm-up fails; the server is then stopped, never ready
   */
  public void start() {
    try {
      if (translator != null) {
        translator.warmUp();
      } else {
        names.warmUp();
      }
    } catch (RuntimeException e) {
      state = "failed";
      stop();
      throw e;
    }
    state = "ready";
  }

  /**
   * Graceful stop: new requests get 503, queued and running ones finish (up to {@code
   * timeoutMillis}), then the listener closes.
   */
  public void drain(long timeoutMillis) {
    beginDrain();
    finishDrain(timeoutMillis);
  }

  /** From now on new requests get 503; queued ones still finish. */
  void beginDrain() {
    state = "draining";
    if (translator != null) {
      translator.drain();
    }
  }

  /** Waits for queued and running requests (up to {@code timeoutMillis}), then stops listening. */
  void finishDrain(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try {
      if (translator != null) {
        translator.awaitDrained(Math.max(1, timeoutMillis));
      }
      while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
  }

  private void stop() {
    listener.close();
    if (namesWorker != null) {
      namesWorker.shutdown();
    }
  }

  @Override
  public void close() {
    drain(30_000);
  }

  /** A test's hook into the batching thread: runs with each batch's texts before decoding. */
  void beforeDecode(Consumer<List<String>> hook) {
    translator.queue().beforeDecode(hook);
  }

  /** The answer to {@code call}, or null when its client left; counted in the metrics. */
  private CompletableFuture<Reply> handle(Call call) {
    long started = System.nanoTime();
    inFlight.incrementAndGet();
    CompletableFuture<Reply> answer;
    try {
      answer = route(call);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle(
        (reply, err) -> {
          Reply r = err == null ? reply : failure(call, err);
          inFlight.decrementAndGet();
          String path = KNOWN_PATHS.contains(call.path()) ? call.path() : "other";
          metrics.request(path, r == null ? CLIENT_CLOSED : r.status(), elapsed(started));
          return r;
        });
  }

  private static Reply failure(Call call, Throwable err) {
    Throwable e =
        err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (e instanceof ApiException a) {
      return Reply.of(a);
    }
    if (e instanceof ClientGone) {
      return null; // nothing to send: the connection is closed
    }
    LOG.error("{} {} failed", call.method(), call.path(), e);
    return Reply.json(500, Responses.error("internal error: " + e.getMessage(), null));
  }

  private static double elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private CompletableFuture<Reply> route(Call call) {
    String method = call.method();
    switch (call.path()) {
      case "/health" -> {
        allowGet(method);
        int status = state.equals("ready") ? 200 : 503;
        return done(
            Reply.json(
                status,
                JSON.createObjectNode()
                    .put("status", state)
                    .put("timeouts", metrics.timeouts())
                    .put("failures", metrics.failures())));
      }
      case "/metrics" -> {
        allowGet(method);
        return done(Reply.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render()));
      }
      case "/v1/model" -> {
        allowGet(method);
        return done(Reply.json(200, modelInfo()));
      }
      case "/v1/translate" -> {
        ready(method);
        if (translator == null) {
          throw new ApiException(
              404, "this is a names model: use POST /v1/classify or /v1/generate", null);
        }
        return translator.translate(call);
      }
      case "/v1/classify", "/v1/generate" -> {
        ready(method);
        if (names == null) {
          throw new ApiException(404, "this model translates: use POST /v1/translate", null);
        }
        RequestBodies.requireJson(call);
        String body = RequestBodies.utf8(call.body());
        boolean classify = call.path().endsWith("classify");
        return CompletableFuture.supplyAsync(
            () -> Reply.json(200, classify ? names.classify(body) : names.generate(body)),
            namesWorker);
      }
      case "/", "/index.html" -> {
        allowGet(method);
        return done(Reply.text(200, "text/html; charset=utf-8", WebPage.html()));
      }
      default -> throw new ApiException(404, "no such endpoint: " + call.path(), null);
    }
  }

  private static CompletableFuture<Reply> done(Reply r) {
    return CompletableFuture.completedFuture(r);
  }

  /** Refuses a method other than POST (405), and any request unless the server is ready (503). */
  private void ready(String method) {
    if (!method.equals("POST")) {
      throw new ApiException(405, "method " + method + " not allowed; use POST", null)
          .header("Allow", "POST");
    }
    if (!state.equals("ready")) {
      throw new ApiException(503, state.equals("draining") ? "shutting down" : "not ready", null)
          .header("Retry-After", "1");
    }
  }

  private static void allowGet(String method) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new ApiException(405, "method " + method + " not allowed; use GET", null)
          .header("Allow", "GET, HEAD");
    }
  }

  private ObjectNode modelInfo() {
    ObjectNode o = JSON.createObjectNode();
    if (names == null) {
      translator.describe(o);
      return o;
    }
    names.describe(o);
    o.putObject("limits")
        .put("maxTexts", options.maxTexts())
        .put("maxBodyBytes", options.maxBodyBytes());
    return o;
  }
}
