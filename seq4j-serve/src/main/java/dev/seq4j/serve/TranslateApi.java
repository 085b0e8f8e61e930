package dev.seq4j.serve;

import static dev.seq4j.serve.Responses.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.model.StepOptions;
import dev.seq4j.serve.Responses.Reply;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/translate} and the translator's {@code GET /v1/model}: a validated {@link
 * Request} becomes a {@link BatchingQueue.Job}, whose translations (with n-best lists, attention
 * when asked, and why each ended) are answered as JSON; a full queue is 429, a request over the
 * request timeout 504 (its decoding is stopped), a client that left {@link ClientGone}. Nothing
 * here blocks: the answer is a future completed by the batching thread.
 */
final class TranslateApi {
  // logged under the server's name, where operators look for the warm-up line
  private static final Logger LOG = LoggerFactory.getLogger(TranslationServer.class);

  /** How many source tokens the warm-up sentence has. */
  private static final int WARM_UP_TOKENS = 4;

  private final List<TranslationBundle> bundles;
  private final TranslationBundle bundle;
  private final boolean attends; // every model attends, so translations can show attention
  private final ServeOptions options;
  private final BatchingQueue queue;
  private final Metrics metrics;
  private final ThreadLocal<Tokenizer> srcTokenizers; // tokenizers are not thread-safe

  /**
   * The endpoints for {@code bundles}: one model, or an ensemble whose first member gives the
   * tokenizers, vocabularies and decoding settings.
   *
   * @throws IllegalArgumentException when the members cannot be ensembled (naming both models)
   */
  TranslateApi(List<TranslationBundle> bundles, ServeOptions options, Metrics metrics) {
    this.bundles = List.copyOf(bundles);
    this.bundle = bundles.get(0);
    this.attends = bundles.stream().allMatch(b -> b.config().model().attends());
    translator(bundle.config().decode()); // checks the ensemble before the server binds
    this.options = options;
    this.metrics = metrics;
    this.srcTokenizers = ThreadLocal.withInitial(bundle::srcTokenizer);
    this.queue =
        new BatchingQueue(
            this::translator,
            options.maxBatch(),
            options.maxWaitMillis(),
            options.queueTexts(),
            metrics);
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
        translator(bundle.config().decode()).translate(List.of(text), false, false);
    String out = warm.get(0).text();
    if (out.isBlank()) {
      throw new IllegalStateException(
          "warm-up: the model translates '"
              + text
              + "' as an empty text; it would answer every request so (are its weights damaged?)");
    }
    LOG.info("warm-up translation: '{}' -> '{}'", text, out);
  }

  /** A translator of the model (or ensemble) with the decoding settings {@code decode}. */
  private Translator translator(DecodeConfig decode) {
    return new Translator(bundles, decode, StepOptions.cached(decode.cache()));
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

  /** The queue, for a test's hook. */
  BatchingQueue queue() {
    return queue;
  }

  /**
   * Answers one translate request: its body is checked and queued; the answer completes when the
   * batching thread has translated it, when the request timeout passes (504), or never when the
   * client closes its connection first (the job is cancelled and dropped undecoded).
   */
  CompletableFuture<Reply> translate(Call call) {
    Timing timing = new Timing(call.received());
    RequestBodies.requireJson(call);
    String text = RequestBodies.utf8(call.body());
    Request r =
        Request.parse(
            JSON,
            text,
            options,
            new Request.Model(
                bundle.config().decode(),
                attends,
                t -> Translator.sourceTokens(srcTokenizers.get(), t)));
    timing.parsed();
    CompletableFuture<List<Translator.Translation>> result = new CompletableFuture<>();
    BatchingQueue.Job job =
        new BatchingQueue.Job(r.texts(), r.tokens(), r.decode(), r.attention(), timing, result);
    if (!queue.offer(job)) {
      throw new ApiException(
              429, "the queue is full (" + options.queueTexts() + " texts); retry later", null)
          .header("Retry-After", "1");
    }
    result.orTimeout(options.timeoutMillis(), TimeUnit.MILLISECONDS);
    call.whenClosed(() -> result.cancel(false));
    // answered on the connection's event loop, never on the batching thread
    return result.handleAsync(
        (out, err) -> {
          if (err == null) {
            Reply reply = Reply.json(200, render(out, r));
            return reply.with("Server-Timing", timing.header());
          }
          Throwable cause = err instanceof CompletionException ? err.getCause() : err;
          if (cause instanceof TimeoutException) {
            metrics.timeout();
            throw new ApiException(
                504,
                "translation timed out after "
                    + options.timeoutMillis()
                    + " ms (the server's request timeout); its decoding was stopped",
                null);
          }
          if (cause instanceof CancellationException) {
            throw new ClientGone();
          }
          if (cause instanceof ApiException a) {
            throw a;
          }
          throw new IllegalStateException(cause.getMessage(), cause);
        },
        call.loop());
  }

  /**
   * {@code {"translations": [{"text", "nbest"?, "attention"?}, …]}}, weights to 4 decimals; with
   * {@code attention: "layers"} a Transformer's attention has {@code layers} ({@link
   * AttentionJson}).
   */
  private static ObjectNode render(List<Translator.Translation> out, Request r) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("translations");
    for (Translator.Translation t : out) {
      ObjectNode o = list.addObject();
      o.put("text", t.text());
      o.put("finish_reason", t.finish().name().toLowerCase(Locale.ROOT));
      if (r.decode().nBest() > 1) {
        ArrayNode nbest = o.putArray("nbest");
        t.nBest().forEach(s -> nbest.addObject().put("text", s.text()).put("score", s.score()));
      }
      if (r.attention() != Translator.Attention.NONE) {
        ObjectNode a = o.putObject("attention");
        t.sourceTokens().forEach(a.putArray("source")::add);
        ArrayNode target = a.putArray("target");
        if (t.targetTokens() != null) {
          t.targetTokens().forEach(target::add);
        }
        ArrayNode weights = a.putArray("weights");
        if (t.attention() != null) {
          AttentionJson.matrix(weights, t.attention());
        }
        if (t.layers() != null) {
          AttentionJson.layers(a.putObject("layers"), t.layers());
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
    o.put("attention", attends);
    if (bundles.size() > 1) {
      ArrayNode members = o.putArray("ensemble");
      bundles.forEach(b -> members.add(b.source()));
    }
    DecodeConfig d = bundle.config().decode();
    o.putObject("decode")
        .put("strategy", d.strategy().name().toLowerCase(Locale.ROOT))
        .put("beamSize", d.beamSize())
        .put("maxLength", d.maxLength());
    o.putObject("limits")
        .put("maxTexts", options.maxTexts())
        .put("maxTextChars", options.maxTextChars())
        .put("maxBeam", options.maxBeam())
        .put("maxBodyBytes", options.maxBodyBytes())
        .put("requestTimeoutMillis", options.timeoutMillis());
    o.put("config", bundle.config().toYaml());
  }
}
