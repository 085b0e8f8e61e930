package dev.seq4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code seq4j serve}: {@code POST /v1/translate}, {@code GET /health}, {@code
 * GET /v1/model}, {@code GET /metrics} and the web page at {@code GET /}. Requests are validated
 * before they are queued (every limit answers a JSON {@code {"error": …, "field": …}}) and
 * translated in dynamic batches by {@link BatchingQueue}.
 */
public final class TranslationServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TranslationServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The status logged for a request whose client left before its answer (nginx's 499). */
  static final int CLIENT_CLOSED = 499;

  /** How often a waiting request checks that its client is still connected. */
  private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

  private final TranslationBundle bundle;
  private final NamesApi names;
  private final ServeOptions options;
  private final Metrics metrics = new Metrics();
  private final BatchingQueue queue;
  private final HttpServer http;
  private final ExecutorService handlers;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ClientWatch clients = ClientWatch.linux();
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
    this.bundle = bundle;
    this.names = names == null ? null : new NamesApi(names, JSON, options);
    this.options = options;
    this.queue =
        bundle == null
            ? null
            : new BatchingQueue(
                bundle, options.maxBatch(), options.maxWaitMillis(), options.queueTexts(), metrics);
    this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
    this.handlers = Executors.newFixedThreadPool(options.threads());
    http.setExecutor(handlers);
    http.createContext("/", this::handle);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Starts answering, then translates one sentence so that {@code /health} says ready. */
  public void start() {
    http.start();
    if (bundle != null) {
      List<Translator.Translation> warm =
          new Translator(bundle, bundle.config().decode())
              .translate(List.of("warm up"), false, false);
      LOG.info("warm-up translation: '{}'", warm.get(0).text());
    } else {
      names.warmUp();
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
    if (queue != null) {
      queue.drain();
    }
  }

  /** Waits for queued and running requests (up to {@code timeoutMillis}), then stops listening. */
  void finishDrain(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try {
      if (queue != null) {
        queue.awaitDrained(Math.max(1, timeoutMillis));
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
    metrics.request(known(path), status, (System.nanoTime() - started) / 1e9);
  }

  private static String known(String path) {
    return List.of(
                "/",
                "/health",
                "/metrics",
                "/v1/model",
                "/v1/translate",
                "/v1/classify",
                "/v1/generate")
            .contains(path)
        ? path
        : "other";
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
        if (bundle == null) {
          throw new ApiException(
              404, "this is a names model: use POST /v1/classify or /v1/generate", null);
        }
        sendJson(ex, 200, translate(ex));
        return 200;
      }
      case "/v1/classify", "/v1/generate" -> {
        ready(method);
        if (names == null) {
          throw new ApiException(404, "this model translates: use POST /v1/translate", null);
        }
        requireJson(ex);
        String body = readBody(ex);
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

  private void ready(String method) {
    allow(method, "POST");
    if (!state.equals("ready")) {
      throw new ApiException(503, state.equals("draining") ? "shutting down" : "not ready", null)
          .header("Retry-After", "1");
    }
  }

  private static void requireJson(HttpExchange ex) {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "Content-Type must be application/json, was " + type, null);
    }
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new ApiException(405, "method " + method + " not allowed; use " + allowed, null)
          .header("Allow", allowed);
    }
  }

  /**
   * Waits for {@code result} up to the timeout, checking every few milliseconds whether the client
   * is still there; when it has gone, the job is cancelled (the queue drops it undecoded) and the
   * exchange ends without an answer.
   */
  private <T> T await(HttpExchange ex, CompletableFuture<T> result)
      throws TimeoutException, ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis());
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException();
      }
      try {
        return result.get(Math.min(left, WATCH_NANOS), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (clients.gone(ex.getLocalAddress(), ex.getRemoteAddress()) && result.cancel(false)) {
          throw new ClientGone();
        }
      }
    }
  }

  /** The client closed its connection while its request waited; nobody is left to answer. */
  private static final class ClientGone extends RuntimeException {
    ClientGone() {
      super("the client went away", null, false, false);
    }
  }

  private ObjectNode translate(HttpExchange ex) throws IOException {
    requireJson(ex);
    Request r = Request.parse(JSON, readBody(ex), options, bundle.config().decode());
    CompletableFuture<List<Translator.Translation>> result = new CompletableFuture<>();
    if (!queue.offer(new BatchingQueue.Job(r.texts(), r.decode(), r.attention(), result))) {
      throw new ApiException(
              429, "the queue is full (" + options.queueTexts() + " texts); retry later", null)
          .header("Retry-After", "1");
    }
    List<Translator.Translation> out;
    try {
      out = await(ex, result);
    } catch (TimeoutException e) {
      result.cancel(false);
      throw new ApiException(503, "translation timed out", null).header("Retry-After", "1");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(false);
      throw new ApiException(503, "interrupted", null);
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("translations");
    for (Translator.Translation t : out) {
      ObjectNode o = list.addObject();
      o.put("text", t.text());
      if (r.decode().nBest() > 1) {
        ArrayNode nbest = o.putArray("nbest");
        t.nBest().forEach(s -> nbest.addObject().put("text", s.text()).put("score", s.score()));
      }
      if (r.attention()) {
        ObjectNode a = o.putObject("attention");
        t.sourceTokens().forEach(a.putArray("source")::add);
        ArrayNode target = a.putArray("target");
        if (t.targetTokens() != null) {
          t.targetTokens().forEach(target::add);
        }
        ArrayNode weights = a.putArray("weights");
        if (t.attention() != null) {
          for (float[] row : t.attention()) {
            ArrayNode w = weights.addArray();
            for (float v : row) {
              w.add(Math.round(v * 1e4) / 1e4);
            }
          }
        }
      }
    }
    return body;
  }

  /** The body, refused with 413 as soon as it is known to exceed the cap, and checked as UTF-8. */
  private String readBody(HttpExchange ex) throws IOException {
    long cap = options.maxBodyBytes();
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      long n;
      try {
        n = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        throw new ApiException(400, "Content-Length is not a number: " + declared, null);
      }
      if (n > cap) {
        throw new ApiException(
            413, "request body of " + n + " bytes is over the cap of " + cap, null);
      }
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try (InputStream in = ex.getRequestBody()) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (buffer.size() + n > cap) {
          throw new ApiException(413, "request body is over the cap of " + cap + " bytes", null);
        }
        buffer.write(chunk, 0, n);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buffer.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(400, "the request body is not valid UTF-8", null);
    }
  }

  private ObjectNode modelInfo() {
    ObjectNode o = JSON.createObjectNode();
    if (names != null) {
      names.describe(o);
      o.putObject("limits")
          .put("maxTexts", options.maxTexts())
          .put("maxBodyBytes", options.maxBodyBytes());
      return o;
    }
    o.put("name", bundle.config().name());
    o.put("task", "translate");
    o.put("parameters", bundle.parameters().count());
    o.put("sourceVocabulary", bundle.srcVocabulary().size());
    o.put("targetVocabulary", bundle.trgVocabulary().size());
    o.put("attention", !(bundle.config().model() instanceof RnnConfig r) || r.attends());
    DecodeConfig d = bundle.config().decode();
    o.putObject("decode")
        .put("strategy", d.strategy().name().toLowerCase(Locale.ROOT))
        .put("beamSize", d.beamSize())
        .put("maxLength", d.maxLength());
    o.putObject("limits")
        .put("maxTexts", options.maxTexts())
        .put("maxTextChars", options.maxTextChars())
        .put("maxBeam", options.maxBeam())
        .put("maxBodyBytes", options.maxBodyBytes());
    o.put("config", bundle.config().toYaml());
    return o;
  }

  private static ObjectNode error(String message, String field) {
    ObjectNode o = JSON.createObjectNode().put("error", message);
    if (field == null) {
      o.putNull("field");
    } else {
      o.put("field", field);
    }
    return o;
  }

  private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
    send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsString(body));
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A request that fails with an HTTP status and a message naming the field. */
  static final class ApiException extends RuntimeException {
    final int status;
    final String field;
    final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    ApiException(int status, String message, String field) {
      super(message);
      this.status = status;
      this.field = field;
    }

    ApiException header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }
}
