package dev.seq4j.serve;

import static dev.seq4j.serve.Responses.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/translate} and the translator's {@code GET /v1/model}: a validated {@link
 * Request} becomes a {@link BatchingQueue.Job}, whose translations (with n-best lists and attention
 * when asked) are answered as JSON; a full queue is 429, a timeout 503, a client that left {@link
 * ClientGone}.
 */
final class TranslateApi {
  // logged under the server's name, where operators look for the warm-up line
  private static final Logger LOG = LoggerFactory.getLogger(TranslationServer.class);

  /** How often a waiting request checks that its client is still connected. */
  private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

  /** How many source tokens the warm-up sentence has. */
  private static final int WARM_UP_TOKENS = 4;

  private final TranslationBundle bundle;
  private final ServeOptions options;
  private final BatchingQueue queue;
  private final ClientWatch clients = ClientWatch.linux();
  private final ThreadLocal<Tokenizer> srcTokenizers; // tokenizers are not thread-safe

  TranslateApi(TranslationBundle bundle, ServeOptions options, Metrics metrics) {
    this.bundle = bundle;
    this.options = options;
    this.srcTokenizers = ThreadLocal.withInitial(bundle::srcTokenizer);
    this.queue =
        new BatchingQueue(
            bundle, options.maxBatch(), options.maxWaitMillis(), options.queueTexts(), metrics);
  }

  /**
   * Translates one sentence, so that the first request does not pay for the model's warm-up and so
   * that a model that does not translate is never reported ready.
   *
   * @throws IllegalStateException when the translation of the (non-empty) sentence is empty
   */
  void warmUp() {
    String text = warmUpText();
    List<Translator.Translation> warm =
        new Translator(bundle, bundle.config().decode()).translate(List.of(text), false, false);
    String out = warm.get(0).text();
    if (out.isBlank()) {
      throw new IllegalStateException(
          "warm-up: the model translates '"
              + text
              + "' as an empty text; it would answer every request so (are its weights damaged?)");
    }
    LOG.info("warm-up translation: '{}' -> '{}'", text, out);
  }

  /** A few of the most frequent source tokens (the vocabulary is ordered by count), as text. */
  private String warmUpText() {
    Vocabulary src = bundle.srcVocabulary();
    List<String> tokens = new ArrayList<>();
    for (int id = 0; id < src.size() && tokens.size() < WARM_UP_TOKENS; id++) {
      if (!src.specials().tokensInOrder().contains(src.token(id))) {
        tokens.add(src.token(id));
      }
    }
    String text = tokens.isEmpty() ? "" : bundle.srcTokenizer().detokenize(tokens);
    return text.isBlank() ? "warm up" : text;
  }

  /** From now on the queue takes no new jobs; queued ones still finish. */
  void drain() {
    queue.drain();
  }

  /** Waits up to {@code millis} for the queued jobs to finish. */
  void awaitDrained(long millis) throws InterruptedException {
    queue.awaitDrained(millis);
  }

  /** Answers one translate request: its body is checked, queued, awaited and rendered. */
  ObjectNode translate(HttpExchange ex) throws IOException {
    RequestBodies.requireJson(ex);
    String text = RequestBodies.read(ex, options.maxBodyBytes());
    Request r =
        Request.parse(
            JSON,
            text,
            options,
            new Request.Model(
                bundle.config().decode(),
                bundle.config().model().attends(),
                t -> Translator.sourceTokens(srcTokenizers.get(), t).size()));
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
    return render(out, r);
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

  /** {@code {"translations": [{"text", "nbest"?, "attention"?}, …]}}, weights to 4 decimals. */
  private static ObjectNode render(List<Translator.Translation> out, Request r) {
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

  /** Fills {@code o} with what {@code GET /v1/model} says of the translator and its limits. */
  void describe(ObjectNode o) {
    o.put("name", bundle.config().name());
    o.put("task", "translate");
    o.put("parameters", bundle.parameters().count());
    o.put("sourceVocabulary", bundle.srcVocabulary().size());
    o.put("targetVocabulary", bundle.trgVocabulary().size());
    o.put("attention", bundle.config().model().attends());
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
  }
}
