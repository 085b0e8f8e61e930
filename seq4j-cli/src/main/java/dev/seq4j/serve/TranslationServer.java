package dev.seq4j.serve;

import static dev.seq4j.serve.Responses.JSON;
import static dev.seq4j.serve.Responses.error;
import static dev.seq4j.serve.Responses.send;
import static dev.seq4j.serve.Responses.sendJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code seq4j serve}: {@code POST /v1/translate}, {@code GET /health}, {@code
 * GET /v1/model}, {@code GET /metrics} and the web page at {@code GET /}. Requests are validated
 * before they are queued (every limit answers a JSON {@code {"error": …, "field": …}}) and
 * translated in dynamic batches by {@link BatchingQueue}.
 *
 * <p>This class holds the lifecycle (loading, ready, draining) and the routing; the endpoints are
 * {@link TranslateApi} and {@link NamesApi}, requests are read by {@link RequestBodies} and answers
 * written by {@link Responses}.
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
  private final ServeOptions options;
  private final Metrics metrics = new Metrics();
  private final HttpServer http;
  private final ExecutorService handlers;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile String state = "loading";

  /** Binds the server for a translator; {@link #start()} warms the model up. */
  public TranslationServer(TranslationBundle bundle, ServeOptions options) throws IOException {
    this(bundle, null, options);
  }

  /** Binds the server for a names classifier or generator. */
  public TranslationServer(NamesBundle names, ServeOptions options) throws IOException {
    this(null, names, options);
  }

  private TranslationServer(TranslationBundle bundle, NamesBundle names, ServeOptions options)
      throws IOException {
    this.names = names == null ? null : new NamesApi(names, JSON, options);
    this.options = options;
    this.translator = bundle == null ? null : new TranslateApi(bundle, options, metrics);
    this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
    this.handlers = Executors.newFixedThreadPool(options.threads());
    http.setExecutor(handlers);
    http.createContext("/", this::handle);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /**
   * Starts answering ({@code /health} says loading), then translates one sentence; only when that
   * gives a non-empty text does {@code /health} say ready.
   *
   * @throws IllegalStateException when the warm-up fails; the server is then stopped, never ready
   */
  public void start() {
    http.start();
    try {
      if (translator != null) {
        translator.warmUp();
      } else {
        names.warmUp();
      }
    } catch (RuntimeException e) {
      state = "failed";
      http.stop(0);
      handlers.shutdown();
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
    http.stop(0);
    handlers.shutdown();
  }

  @Override
  public void close() {
    drain(30_000);
  }

  private void handle(HttpExchange ex) throws IOException {
    long started = System.nanoTime();
    String path = ex.getRequestURI().getPath();
    int status;
    inFlight.incrementAndGet();
    try {
      status = route(ex, path);
    } catch (ApiException e) {
      status = e.status;
      e.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      sendJson(ex, e.status, error(e.getMessage(), e.field));
    } catch (ClientGone e) {
      status = CLIENT_CLOSED; // nothing to send: the connection is closed with the exchange
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", ex.getRequestMethod(), path, e);
      status = 500;
      sendJson(ex, 500, error("internal error: " + e.getMessage(), null));
    } finally {
      inFlight.decrementAndGet();
      ex.close();
    }
    metrics.request(KNOWN_PATHS.contains(path) ? path : "other", status, elapsed(started));
  }

  private static double elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private int route(HttpExchange ex, String path) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    switch (path) {
      case "/health" -> {
        allow(method, "GET");
        int status = state.equals("ready") ? 200 : 503;
        sendJson(ex, status, JSON.createObjectNode().put("status", state));
        return status;
      }
      case "/metrics" -> {
        allow(method, "GET");
        send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
        return 200;
      }
      case "/v1/model" -> {
        allow(method, "GET");
        sendJson(ex, 200, modelInfo());
        return 200;
      }
      case "/v1/translate" -> {
        ready(method);
        if (translator == null) {
          throw new ApiException(
              404, "this is a names model: use POST /v1/classify or /v1/generate", null);
        }
        sendJson(ex, 200, translator.translate(ex));
        return 200;
      }
      case "/v1/classify", "/v1/generate" -> {
        ready(method);
        if (names == null) {
          throw new ApiException(404, "this model translates: use POST /v1/translate", null);
        }
        RequestBodies.requireJson(ex);
        String body = RequestBodies.read(ex, options.maxBodyBytes());
        sendJson(ex, 200, path.endsWith("classify") ? names.classify(body) : names.generate(body));
        return 200;
      }
      case "/", "/index.html" -> {
        allow(method, "GET");
        send(ex, 200, "text/html; charset=utf-8", WebPage.html());
        return 200;
      }
      default -> throw new ApiException(404, "no such endpoint: " + path, null);
    }
  }

  /** Refuses a method other than POST (405), and any request unless the server is ready (503). */
  private void ready(String method) {
    allow(method, "POST");
    if (!state.equals("ready")) {
      throw new ApiException(503, state.equals("draining") ? "shutting down" : "not ready", null)
          .header("Retry-After", "1");
    }
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new ApiException(405, "method " + method + " not allowed; use " + allowed, null)
          .header("Allow", allowed);
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
