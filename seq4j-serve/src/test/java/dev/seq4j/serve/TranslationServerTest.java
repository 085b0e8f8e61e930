package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.bench.LoadClient;
import dev.seq4j.engine.Engines;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a free loopback port: API, limits, batching equivalence. */
class TranslationServerTest {
  @TempDir static Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static TranslationBundle bundle;
  private static TranslationServer server;
  private static String base;

  @BeforeAll
  static void trainAndStart() throws IOException {
    Path run =
        TinyRuns.train(
            dir,
            "tiny-serve",
            "{type: rnn, cell: gru, embedding: 16, hidden: 32, bidirectional: true,"
                + " attention: general}",
            "{epochs: 3, batchSize: 32, learningRate: 0.01}");
    Engines.start();
    bundle = TranslationBundle.load(run);
    server =
        new TranslationServer(
            bundle,
            new ServeOptions("127.0.0.1", 0, 64, 20, 256, 4096, 6, 200, 8, 100, 60_000, 16));
    server.start();
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (bundle != null) {
      bundle.close();
    }
  }

  static HttpRequest translateRequest(String base, String body) {
    return HttpRequest.newBuilder(URI.create(base + "/v1/translate"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return send(translateRequest(base, body));
  }

  private static HttpResponse<String> send(HttpRequest r) throws Exception {
    return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private static void assertError(HttpResponse<String> r, int status, String field, String message)
      throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode e = JSON.readTree(r.body());
    assertEquals(field, e.get("field").isNull() ? null : e.get("field").asText(), r.body());
    assertTrue(e.get("error").asText().contains(message), r.body());
  }

  @Test
  void healthModelAndMetrics() throws Exception {
    HttpResponse<String> h = get("/health");
    assertEquals(200, h.statusCode());
    assertEquals("ready", JSON.readTree(h.body()).get("status").asText());
    JsonNode m = JSON.readTree(get("/v1/model").body());
    assertEquals("tiny-serve", m.get("name").asText());
    assertEquals(bundle.parameters().count(), m.get("parameters").asLong());
    assertEquals(bundle.srcVocabulary().size(), m.get("sourceVocabulary").asInt());
    assertTrue(m.get("attention").asBoolean());
    post("{\"text\": \"a b c\"}");
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("seq4j_requests_total{path=\"/v1/translate\",status=\"200\"}"));
    assertTrue(metrics.contains("seq4j_batch_texts_count"));
    assertTrue(metrics.contains("seq4j_request_seconds_bucket{le=\"+Inf\"}"));
  }

  @Test
  void concurrentRequestsAreBatchedAndTranslateAsOneByOne() throws Exception {
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = 0; j < 2 + i % 5; j++) {
        s.append(j == 0 ? "" : " ").append((char) ('a' + (i * 7 + j * 3) % 6));
      }
      sentences.add(s.toString());
    }
    Translator alone = new Translator(bundle, bundle.config().decode());
    List<String> expected = new ArrayList<>();
    for (String s : sentences) {
      expected.add(alone.translate(List.of(s)).get(0));
    }
    List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
    for (String s : sentences) {
      replies.add(
          CLIENT.sendAsync(
              translateRequest(base, JSON.writeValueAsString(Map.of("text", s))),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < sentences.size(); i++) {
      HttpResponse<String> r = replies.get(i).get();
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(expected.get(i), JSON.readTree(r.body()).at("/translations/0/text").asText());
    }
    String metrics = get("/metrics").body();
    long batches = count(metrics, "seq4j_batch_texts_count ");
    long single = count(metrics, "seq4j_batch_texts_bucket{le=\"1.0\"} ");
    assertTrue(single < batches, "some batch held more than one text:\n" + metrics);

    JsonNode many = JSON.readTree(post("{\"texts\": [\"a b\", \"\", \"c d e\"]}").body());
    assertEquals(3, many.get("translations").size());
    assertEquals("", many.at("/translations/1/text").asText());
  }

  private static long count(String metrics, String prefix) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToLong(l -> Long.parseLong(l.substring(prefix.length()).strip()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void beamNbestAndAttention() throws Exception {
    JsonNode r =
        JSON.readTree(
            post("{\"text\": \"a b c d\", \"beam\": 4, \"nbest\": 3, \"attention\": true}").body());
    JsonNode t = r.at("/translations/0");
    assertEquals(3, t.get("nbest").size());
    assertEquals(t.get("text").asText(), t.at("/nbest/0/text").asText());
    JsonNode a = t.get("attention");
    assertEquals(4, a.get("source").size());
    assertEquals(a.get("target").size(), a.get("weights").size());
    for (JsonNode row : a.get("weights")) {
      double sum = 0;
      for (JsonNode w : row) {
        sum += w.asDouble();
      }
      assertEquals(1.0, sum, 1e-3);
    }
    JsonNode greedy = JSON.readTree(post("{\"text\": \"a b c d\", \"beam\": 1}").body());
    Translator alone = new Translator(bundle, bundle.config().decode());
    assertEquals(
        alone.translate(List.of("a b c d")).get(0), greedy.at("/translations/0/text").asText());
  }

  @Test
  void everyLimitIsAClearJsonError() throws Exception {
    assertError(post("{\"text\": "), 400, null, "invalid JSON");
    assertError(post("[1, 2]"), 400, null, "JSON object");
    assertError(post("{\"text\": 3}"), 422, "text", "must be a string");
    assertError(post("{\"texts\": \"a\"}"), 422, "texts", "list of strings");
    assertError(post("{\"texts\": []}"), 422, "texts", "must not be empty");
    assertError(
        post("{\"texts\": [\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\"]}"),
        422,
        "texts",
        "at most 6");
    assertError(post("{\"texts\": [\"a\", 5]}"), 422, "texts[1]", "must be a string");
    assertError(
        post("{\"text\": \"" + "a ".repeat(150) + "\"}"), 422, "text", "over the cap of 200");
    assertError(post("{\"text\": \"a\", \"texts\": [\"b\"]}"), 422, "texts", "exactly one");
    assertError(post("{}"), 422, "text", "exactly one");
    assertError(
        post("{\"text\": \"a\", \"colour\": 1}"),
        400,
        "colour",
        "unknown field 'colour' (known: [attention, beam, maxLength, nbest, text, texts])");
    for (String beam : List.of("0", "-1", "2.5", "9", "\"5\"", "1e400", "99999999999")) {
      HttpResponse<String> r = post("{\"text\": \"a\", \"beam\": " + beam + "}");
      assertEquals(422, r.statusCode(), beam + " " + r.body());
      assertEquals("beam", JSON.readTree(r.body()).get("field").asText());
    }
    assertError(post("{\"text\": \"a\", \"beam\": NaN}"), 400, null, "invalid JSON");
    assertError(post("{\"text\": \"a\", \"nbest\": 2}"), 422, "nbest", "[1, 1]");
    assertError(
        post("{\"text\": \"a\", \"attention\": \"yes\"}"),
        422,
        "attention",
        "attention must be true, false or \"layers\"");

    byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertError(
        send(
            HttpRequest.newBuilder(URI.create(base + "/v1/translate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bad))
                .build()),
        400,
        null,
        "not valid UTF-8 (at byte offset 9)");
    assertError(
        post("{\"text\": \"" + "a".repeat(5000) + "\"}"), 413, null, "over the cap of 4096");
    assertError(
        send(
            HttpRequest.newBuilder(URI.create(base + "/v1/translate"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"a\"}"))
                .build()),
        415,
        null,
        "application/json");
    HttpResponse<String> wrong = get("/v1/translate");
    assertError(wrong, 405, null, "use POST");
    assertEquals("POST", wrong.headers().firstValue("Allow").orElse(""));
    assertError(get("/nowhere"), 404, null, "no such endpoint");
  }

  @Test
  void webPageIsSelfContainedAndEscapesText() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String html = page.body();
    assertTrue(html.contains("<textarea id=\"source\""));
    assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "no external resources");
    assertFalse(html.contains("innerHTML"), "text is set with textContent, never parsed as HTML");
  }

  @Test
  void aFullQueueIs429AndDrainingFinishesWorkButRefusesNewRequests() throws Exception {
    TranslationServer s =
        new TranslationServer(
            bundle, new ServeOptions("127.0.0.1", 0, 64, 5, 4, 4096, 6, 200, 8, 100, 60_000, 8));
    s.start();
    String b = "http://127.0.0.1:" + s.port();
    // the batching thread is held on a first request, so the next one stays queued
    Hold hold = new Hold("hold");
    s.beforeDecode(hold);
    CompletableFuture<HttpResponse<String>> held =
        CLIENT.sendAsync(
            translateRequest(b, "{\"text\": \"hold\"}"), HttpResponse.BodyHandlers.ofString());
    hold.awaitHeld();
    HttpResponse<String> full =
        send(translateRequest(b, "{\"texts\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}"));
    assertError(full, 429, null, "queue is full (4 texts)");
    assertEquals("1", full.headers().firstValue("Retry-After").orElse(""));

    CompletableFuture<HttpResponse<String>> waiting =
        CLIENT.sendAsync(
            translateRequest(b, "{\"text\": \"a b c\"}"), HttpResponse.BodyHandlers.ofString());
    waitFor(b, "seq4j_queue_texts 1");
    s.beginDrain();
    HttpResponse<String> late = send(translateRequest(b, "{\"text\": \"a\"}"));
    assertError(late, 503, null, "shutting down");
    assertEquals(
        503,
        CLIENT
            .send(
                HttpRequest.newBuilder(URI.create(b + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
    hold.release();
    assertEquals(200, held.get().statusCode(), held.get().body());
    HttpResponse<String> done = waiting.get();
    assertEquals(200, done.statusCode(), done.body());
    assertEquals(
        new Translator(bundle, bundle.config().decode()).translate(List.of("a b c")).get(0),
        JSON.readTree(done.body()).at("/translations/0/text").asText());
    s.finishDrain(5000);
    assertTrue(
        assertThrowsIo(() -> send(translateRequest(b, "{\"text\": \"a\"}"))),
        "the listener is closed after the drain");
  }

  @Test
  void aClientThatDisconnectsCancelsItsQueuedWork() throws Exception {
    try (TranslationServer s =
        new TranslationServer(
            bundle, new ServeOptions("127.0.0.1", 0, 64, 5, 16, 4096, 6, 200, 8, 100, 60_000, 4))) {
      s.start();
      String b = "http://127.0.0.1:" + s.port();
      // the batching thread is held on a first request, so the next one stays queued
      Hold hold = new Hold("hold");
      s.beforeDecode(hold);
      CompletableFuture<HttpResponse<String>> held =
          CLIENT.sendAsync(
              translateRequest(b, "{\"text\": \"hold\"}"), HttpResponse.BodyHandlers.ofString());
      hold.awaitHeld();
      String body = "{\"text\": \"a b c\"}";
      try (Socket socket = new Socket("127.0.0.1", s.port())) {
        socket
            .getOutputStream()
            .write(
                ("POST /v1/translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: "
                        + body.length()
                        + "\r\n\r\n"
                        + body)
                    .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        waitFor(b, "seq4j_queue_texts 1");
      } // the client closes its connection while the request waits
      waitFor(b, "seq4j_requests_total{path=\"/v1/translate\",status=\"499\"} 1");
      hold.release();
      assertEquals(200, held.get().statusCode(), held.get().body());
      waitFor(b, "seq4j_cancelled_total 1");
      String metrics = get(b, "/metrics");
      assertTrue(
          metrics.contains("seq4j_batch_texts_count 1"),
          "only the held request was decoded: " + metrics);
      // the server goes on answering others
      HttpResponse<String> next = send(translateRequest(b, body));
      assertEquals(200, next.statusCode(), next.body());
    }
  }

  private static void waitFor(String b, String metric) throws Exception {
    long until = System.currentTimeMillis() + 10_000;
    while (!get(b, "/metrics").contains(metric)) {
      assertTrue(System.currentTimeMillis() < until, "timed out waiting for " + metric);
      Thread.sleep(5);
    }
  }

  @Test
  void anEnsembleOfTwoCopiesAnswersAsTheModelAlone() throws Exception {
    Path run = dir.resolve("tiny-serve");
    try (TranslationBundle a = TranslationBundle.load(run);
        TranslationBundle b = TranslationBundle.load(run);
        TranslationServer ensemble =
            new TranslationServer(
                List.of(a, b),
                new ServeOptions("127.0.0.1", 0, 64, 5, 256, 4096, 6, 200, 8, 100, 60_000, 2))) {
      ensemble.start();
      String e = "http://127.0.0.1:" + ensemble.port();
      for (String body :
          List.of(
              "{\"texts\": [\"a b c\", \"f e d c\"]}",
              "{\"text\": \"b a d\", \"beam\": 3, \"nbest\": 2}",
              "{\"text\": \"c c a\", \"attention\": true}")) {
        JsonNode alone = JSON.readTree(send(translateRequest(base, body)).body());
        JsonNode both = JSON.readTree(send(translateRequest(e, body)).body());
        assertEquals(texts(alone), texts(both), body);
        assertEquals(
            alone.at("/translations/0/attention/weights").toString(),
            both.at("/translations/0/attention/weights").toString(),
            body);
      }
      JsonNode model = JSON.readTree(ConnectionLimitsTest.get(ensemble, "/v1/model"));
      assertEquals(2, model.get("ensemble").size(), model.toString());
      assertFalse(JSON.readTree(get(base, "/v1/model")).has("ensemble"));
    }
  }

  private static List<String> texts(JsonNode answer) {
    List<String> out = new ArrayList<>();
    answer.get("translations").forEach(t -> out.add(t.get("text").asText()));
    answer.at("/translations/0/nbest").forEach(n -> out.add(n.toString()));
    return out;
  }

  @Test
  void aLoadClientCountsRefusalsApartAndWaitsWhatRetryAfterSays() throws Exception {
    // a queue of one text and a slow decode: most of the four clients' requests are refused
    try (TranslationServer s =
        new TranslationServer(
            bundle, new ServeOptions("127.0.0.1", 0, 64, 5, 1, 4096, 6, 200, 8, 100, 60_000, 2))) {
      s.start();
      s.beforeDecode(texts -> sleepQuietly(200));
      LoadClient.Row r =
          LoadClient.run("http://127.0.0.1:" + s.port(), List.of("a b c"), 4, 1.5, 1000);
      assertEquals(0, r.errors(), r.toString());
      assertTrue(r.refused() > 0 && r.requests() > 0, r.toString());
      // each refused client waits the 1 s of Retry-After, so within 1.5 s none is refused 3 times
      assertTrue(r.refused() <= 8, r.toString());
      assertTrue(r.refusedP99() < r.p50(), "a 429 is answered before any translation: " + r);
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aBoundedLoadClientRunCountsEveryRequest() throws Exception {
    LoadClient.Row r = LoadClient.run(base, List.of("a b c", "d e", "f a b c d"), 4, 10, 40);
    assertEquals(4, r.clients());
    assertEquals(40, r.requests() + r.errors(), "bounded by maxRequests");
    assertEquals(0, r.errors());
    assertEquals(0, r.refused());
    assertEquals(
        List.of("parse", "queue", "encode", "decode", "render", "total", "http"),
        List.copyOf(r.parts().keySet()),
        "the medians of the server's timing, and the rest of the round trip");
    assertTrue(r.parts().get("total") <= r.p99(), r.toString());
    assertTrue(r.p50() > 0 && r.p50() <= r.p99(), r.toString());
    assertEquals(3.0, LoadClient.percentile(List.of(1_000_000L, 2_000_000L, 3_000_000L), 0.99));
    assertEquals(2.0, LoadClient.percentile(List.of(1_000_000L, 2_000_000L, 3_000_000L), 0.50));
  }

  private static String get(String b, String path) throws Exception {
    return CLIENT
        .send(
            HttpRequest.newBuilder(URI.create(b + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private interface Call {
    void run() throws Exception;
  }

  private static boolean assertThrowsIo(Call c) {
    try {
      c.run();
      return false;
    } catch (IOException e) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
