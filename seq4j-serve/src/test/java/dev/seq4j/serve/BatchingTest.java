package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.bench.LoadClient;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batching delay: a lone client never pays it, a batch waits for as many requests as were at
 * work when the previous one ended, and the {@code Server-Timing} header says where a request's
 * time went.
 */
class BatchingTest {
  @TempDir static Path dir;
  private static TranslationBundle bundle;

  @BeforeAll
  static void train() throws IOException {
    bundle =
        TranslationBundle.load(
            TinyRuns.train(
                dir,
                "tiny-batching",
                "{type: rnn, cell: gru, embedding: 8, hidden: 16}",
                "{epochs: 2}"));
  }

  @AfterAll
  static void close() {
    if (bundle != null) {
      bundle.close();
    }
  }

  /** Batches gather for up to {@code maxWaitMillis}. */
  private static TranslationServer server(long maxWaitMillis) throws IOException {
    TranslationServer s =
        new TranslationServer(
            bundle,
            new ServeOptions(
                "127.0.0.1", 0, 64, maxWaitMillis, 256, 4096, 6, 200, 8, 100, 60_000, 2));
    s.start();
    return s;
  }

  @Test
  void aLoneClientNeverWaitsForCompany() throws Exception {
    try (TranslationServer s = server(3000)) {
      String base = "http://127.0.0.1:" + s.port();
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = ConnectionLimitsTest.post(base, "{\"text\": \"a b c\"}");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(millis < 1500, "request " + i + " waited for the 3 s batching delay: " + millis);
        double queue = serverTiming(r).get("queue");
        assertTrue(queue < 1500, "queued " + queue + " ms");
      }
    }
  }

  @Test
  void aBatchWaitsForTheRequestsAtWorkWhenThePreviousOneEnded() throws Exception {
    try (TranslationServer s = server(1000)) {
      String base = "http://127.0.0.1:" + s.port();
      Hold hold = new Hold("hold");
      List<List<String>> batches = new ArrayList<>();
      s.beforeDecode(
          texts -> {
            hold.accept(texts);
            batches.add(List.copyOf(texts));
          });
      CompletableFuture<HttpResponse<String>> held = post(base, "hold");
      hold.awaitHeld();
      List<CompletableFuture<HttpResponse<String>>> two = List.of(post(base, "a"), post(base, "b"));
      waitForQueue(s, 2);
      hold.release();
      // three requests were at work when the held batch ended: its own and the two queued, so the
      // next batch waits (up to 1 s) for the held client's next request, as a closed-loop client
      // sends it at once: the two halves join
      assertEquals(200, held.get().statusCode());
      CompletableFuture<HttpResponse<String>> again = post(base, "e");
      for (CompletableFuture<HttpResponse<String>> r : List.of(two.get(0), two.get(1), again)) {
        assertEquals(200, r.get().statusCode());
      }
      // a and b were sent together, so they may have queued in either order
      assertEquals(
          List.of("a", "b", "e"),
          batches.get(1).stream().sorted().toList(),
          "one batch of three: " + batches);
      assertEquals("e", batches.get(1).get(2), "e came last: " + batches);
      // three were at work: a request waits for company, here two sent 300 ms apart are decoded
      // together once the delay has passed
      CompletableFuture<HttpResponse<String>> c = post(base, "c");
      Thread.sleep(300);
      CompletableFuture<HttpResponse<String>> d = post(base, "d");
      assertEquals(200, c.get().statusCode());
      assertEquals(200, d.get().statusCode());
      assertEquals(List.of("c", "d"), batches.get(2), "waited for a second request: " + batches);
      assertEquals(3, batches.size(), batches.toString());
    }
  }

  @Test
  void serverTimingSaysWhereTheTimeWent() throws Exception {
    try (TranslationServer s = server(5)) {
      HttpResponse<String> r =
          ConnectionLimitsTest.post(
              "http://127.0.0.1:" + s.port(), "{\"text\": \"a b c d\", \"maxLength\": 7}");
      assertEquals(200, r.statusCode(), r.body());
      Map<String, Double> parts = serverTiming(r);
      assertEquals(
          List.of("parse", "queue", "encode", "decode", "render", "total"),
          List.copyOf(parts.keySet()));
      double sum = 0;
      for (String part : List.of("parse", "queue", "encode", "decode", "render")) {
        assertTrue(parts.get(part) >= 0, part + " " + parts);
        sum += parts.get(part);
      }
      assertTrue(sum <= parts.get("total") + 1e-3, "parts within the total: " + parts);
      assertTrue(parts.get("decode") > 0, parts.toString());
      Matcher steps =
          Pattern.compile("desc=\"(\\d+) steps\"")
              .matcher(r.headers().firstValue("Server-Timing").orElseThrow());
      assertTrue(steps.find());
      int n = Integer.parseInt(steps.group(1));
      // the cap is 7 output tokens; the model may stop earlier at <eos>
      assertTrue(n >= 1 && n <= 8, "steps " + n);
    }
  }

  private static CompletableFuture<HttpResponse<String>> post(String base, String text) {
    return ConnectionLimitsTest.CLIENT.sendAsync(
        TranslationServerTest.translateRequest(base, "{\"text\": \"" + text + "\"}"),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void waitForQueue(TranslationServer s, int texts) throws Exception {
    long until = System.currentTimeMillis() + 10_000;
    while (!ConnectionLimitsTest.get(s, "/metrics").contains("seq4j_queue_texts " + texts)) {
      assertTrue(System.currentTimeMillis() < until, "never " + texts + " texts queued");
      Thread.sleep(5);
    }
  }

  /** The {@code Server-Timing} header's durations by name, in order. */
  static Map<String, Double> serverTiming(HttpResponse<String> r) {
    return LoadClient.serverTiming(r.headers().firstValue("Server-Timing").orElseThrow());
  }
}
