package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of one request that must not take the server with them: a decode over the request timeout
 * (504, the worker freed, counted in {@code /health}) and a batch that runs out of memory (only the
 * culprit fails, with 507).
 */
class DecodeFaultsTest {
  @TempDir static Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static TranslationBundle bundle;

  @BeforeAll
  static void train() throws IOException {
    Path run =
        TinyRuns.train(
            dir, "tiny-faults", "{type: rnn, cell: gru, embedding: 8, hidden: 16}", "{epochs: 2}");
    bundle = TranslationBundle.load(run);
  }

  @AfterAll
  static void close() {
    if (bundle != null) {
      bundle.close();
    }
  }

  private static HttpResponse<String> post(String base, String body) throws Exception {
    return ConnectionLimitsTest.post(base, body);
  }

  @Test
  void aDecodeOverTheRequestTimeoutIs504AndFreesTheWorker() throws Exception {
    try (TranslationServer s =
        new TranslationServer(
            bundle, new ServeOptions("127.0.0.1", 0, 64, 5, 256, 4096, 6, 200, 8, 100, 1000, 2))) {
      s.start();
      String base = "http://127.0.0.1:" + s.port();
      // the first decode is slow (a hook on the batching thread holds it for 1.5 s, past the 1 s
      // timeout); decoding then stops at its first step (GreedyTest checks the stop itself), so
      // the next request is answered well within its own timeout
      s.beforeDecode(
          texts -> {
            if (texts.contains("a b c slow")) {
              sleep(1500);
            }
          });
      long t0 = System.nanoTime();
      HttpResponse<String> slow = post(base, "{\"text\": \"a b c slow\"}");
      long answeredMillis = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(504, slow.statusCode(), slow.body());
      assertTrue(
          JSON.readTree(slow.body())
              .get("error")
              .asText()
              .startsWith("translation timed out after"));
      assertTrue(
          answeredMillis < 1450,
          "answered at the timeout, not after the decode: " + answeredMillis);
      HttpResponse<String> next = post(base, "{\"text\": \"a b c\"}");
      assertEquals(200, next.statusCode(), "the worker is free again: " + next.body());
      JsonNode health = JSON.readTree(ConnectionLimitsTest.get(s, "/health"));
      assertEquals(1, health.get("timeouts").asInt(), health.toString());
      assertTrue(ConnectionLimitsTest.get(s, "/metrics").contains("seq4j_timeouts_total 1"));
    }
  }

  @Test
  void anOutOfMemoryBatchFailsOnlyItsCulprit() throws Exception {
    try (TranslationServer s =
        new TranslationServer(
            bundle,
            new ServeOptions("127.0.0.1", 0, 64, 5, 256, 4096, 6, 200, 8, 100, 60_000, 2))) {
      s.start();
      String base = "http://127.0.0.1:" + s.port();
      // the batching thread is held on a first request while the four queue, so they are decoded
      // together next
      Hold hold = new Hold("hold");
      List<List<String>> batches = new ArrayList<>();
      s.beforeDecode(
          texts -> {
            hold.accept(texts);
            batches.add(List.copyOf(texts));
            if (texts.contains("boom")) {
              throw new OutOfMemoryError("Java heap space (injected)");
            }
          });
      CompletableFuture<HttpResponse<String>> held =
          CLIENT.sendAsync(
              TranslationServerTest.translateRequest(base, "{\"text\": \"hold\"}"),
              HttpResponse.BodyHandlers.ofString());
      hold.awaitHeld();
      List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
      for (String text : List.of("a b", "boom", "c d", "e f a")) {
        replies.add(
            CLIENT.sendAsync(
                TranslationServerTest.translateRequest(
                    base, JSON.writeValueAsString(java.util.Map.of("text", text))),
                HttpResponse.BodyHandlers.ofString()));
      }
      long until = System.currentTimeMillis() + 10_000;
      while (!ConnectionLimitsTest.get(s, "/metrics").contains("seq4j_queue_texts 4")) {
        assertTrue(System.currentTimeMillis() < until, "the four requests never queued");
        Thread.sleep(5);
      }
      hold.release();
      assertEquals(200, held.get().statusCode());
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> r : replies) {
        statuses.add(r.get().statusCode());
      }
      assertEquals(List.of(200, 507, 200, 200), statuses, batches.toString());
      JsonNode error = JSON.readTree(replies.get(1).get().body());
      assertTrue(
          error.get("error").asText().startsWith("out of memory translating this request"),
          error.toString());
      assertEquals(List.of("hold"), batches.get(0));
      assertEquals(4, batches.get(1).size(), "first tried as one batch: " + batches);
      assertEquals(
          1, JSON.readTree(ConnectionLimitsTest.get(s, "/health")).get("failures").asInt());
      assertEquals(200, post(base, "{\"text\": \"a b\"}").statusCode(), "still serving");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
