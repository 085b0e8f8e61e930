package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the network stack guards against: slow clients (trickled headers, stalled bodies), too many
 * connections, a port in use, and the HTTP details (HEAD, duplicate keys, lone surrogates).
 */
class ConnectionLimitsTest {
  @TempDir static Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static TranslationBundle bundle;

  @BeforeAll
  static void train() throws IOException {
    Path run =
        TinyRuns.train(
            dir, "tiny-limits", "{type: rnn, cell: gru, embedding: 8, hidden: 16}", "{epochs: 2}");
    bundle = TranslationBundle.load(run);
  }

  @AfterAll
  static void close() {
    if (bundle != null) {
      bundle.close();
    }
  }

  /** Header deadline 600 ms, body deadline 600 ms, idle 600 ms, at most {@code maxConnections}. */
  private static TranslationServer server(int maxConnections) throws IOException {
    return server(maxConnections, 600);
  }

  /** Header, body and idle deadlines of {@code deadlineMillis}, at most {@code maxConnections}. */
  private static TranslationServer server(int maxConnections, int deadlineMillis)
      throws IOException {
    TranslationServer s =
        new TranslationServer(
            bundle,
            new ServeOptions("127.0.0.1", 0, 64, 5, 256, 4096, 6, 200, 8, 100, 60_000, 2)
                .withConnections(
                    deadlineMillis, deadlineMillis, deadlineMillis, 60_000, maxConnections));
    s.start();
    return s;
  }

  /** Milliseconds until the server closes {@code socket} (read gives -1 or a reset). */
  private static long millisUntilClosed(Socket socket, byte[] trickle, long everyMillis)
      throws Exception {
    long t0 = System.nanoTime();
    socket.setSoTimeout((int) Math.max(1, everyMillis));
    InputStream in = socket.getInputStream();
    for (int i = 0; System.nanoTime() - t0 < 10_000_000_000L; i++) {
      try {
        if (i < trickle.length) {
          socket.getOutputStream().write(trickle[i]);
          socket.getOutputStream().flush();
        }
        if (in.read() < 0) {
          return (System.nanoTime() - t0) / 1_000_000;
        }
      } catch (java.net.SocketTimeoutException e) {
        // still open: trickle on
      } catch (SocketException e) {
        return (System.nanoTime() - t0) / 1_000_000; // reset by the server
      }
    }
    throw new AssertionError("the server never closed the connection");
  }

  @Test
  void slowClientsAreClosedByTheirDeadlineWhileOthersAreServed() throws Exception {
    try (TranslationServer s = server(100)) {
      byte[] headers =
          "GET /health HTTP/1.1\r\nHost: x\r\nX-Long: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII);
      ExecutorService threads = Executors.newFixedThreadPool(40);
      List<CompletableFuture<Long>> slow = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        boolean stall = i % 2 == 0; // half stall after 5 bytes, half trickle a byte per 100 ms
        slow.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try (Socket socket = new Socket("127.0.0.1", s.port())) {
                    byte[] sent = stall ? java.util.Arrays.copyOf(headers, 5) : headers;
                    return millisUntilClosed(socket, sent, 100);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                threads));
      }
      Thread.sleep(200);
      HttpResponse<String> health =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), "served beside the slow clients");
      for (CompletableFuture<Long> f : slow) {
        long closedAfter = f.get();
        assertTrue(closedAfter >= 450 && closedAfter < 2500, "closed after " + closedAfter + " ms");
      }
      threads.shutdown();
      String metrics = get(s, "/metrics");
      assertTrue(
          metrics.contains("seq4j_connections_timed_out_total{phase=\"headers\"} 40"), metrics);
    }
  }

  @Test
  void aBodyThatStallsIsClosedByTheBodyDeadline() throws Exception {
    try (TranslationServer s = server(100);
        Socket socket = new Socket("127.0.0.1", s.port())) {
      socket
          .getOutputStream()
          .write(
              ("POST /v1/translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 100\r\n\r\n{\"text\":")
                  .getBytes(StandardCharsets.US_ASCII));
      long after = millisUntilClosed(socket, new byte[0], 100);
      assertTrue(after >= 450 && after < 2500, "closed after " + after + " ms");
      assertTrue(
          get(s, "/metrics").contains("seq4j_connections_timed_out_total{phase=\"body\"} 1"));
    }
  }

  @Test
  void connectionsOverTheCapAreClosedAtOnce() throws Exception {
    // deadlines of 8 s, so "at once" cannot be confused with a deadline on a busy machine
    try (TranslationServer s = server(2, 8000);
        Socket a = new Socket("127.0.0.1", s.port());
        Socket b = new Socket("127.0.0.1", s.port())) {
      // both answered once, so the server has counted them before the third arrives (two
      // connections accepted at once may be registered on two event loops in either order)
      assertTrue(healthOn(a).startsWith("HTTP/1.1 200"));
      assertTrue(healthOn(b).startsWith("HTTP/1.1 200"));
      Socket c = new Socket("127.0.0.1", s.port());
      long after = millisUntilClosed(c, new byte[0], 50);
      c.close();
      assertTrue(after < 4000, "the third was closed at once, not by a deadline: " + after + " ms");
      a.close();
      b.close();
      Thread.sleep(100);
      assertTrue(get(s, "/metrics").contains("seq4j_connections_refused_total 1"));
    }
  }

  /** The status line of a {@code GET /health} sent on {@code socket} (kept alive). */
  private static String healthOn(Socket socket) throws IOException {
    socket.setSoTimeout(5000);
    socket
        .getOutputStream()
        .write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    StringBuilder line = new StringBuilder();
    InputStream in = socket.getInputStream();
    for (int ch = in.read(); ch >= 0 && ch != '\r'; ch = in.read()) {
      line.append((char) ch);
    }
    return line.toString();
  }

  @Test
  void aPortInUseIsNamedInTheError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      IOException e =
          assertThrows(
              IOException.class,
              () -> new TranslationServer(bundle, ServeOptions.defaults().withPort(port)));
      assertEquals(
          "cannot listen on 127.0.0.1:"
              + port
              + ": the address is already in use (another server on that port? choose another"
              + " --port)",
          e.getMessage());
    }
  }

  @Test
  void headOnGetRoutesDuplicateKeysAndLoneSurrogates() throws Exception {
    try (TranslationServer s = server(100)) {
      String base = "http://127.0.0.1:" + s.port();
      HttpResponse<String> head =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + "/health"))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, head.statusCode());
      assertEquals("", head.body());
      assertEquals(
          get(s, "/health").getBytes(StandardCharsets.UTF_8).length,
          Integer.parseInt(head.headers().firstValue("Content-Length").orElse("-1")));
      HttpResponse<String> headPost =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + "/v1/translate"))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, headPost.statusCode());

      HttpResponse<String> dup = post(base, "{\"text\": \"a\", \"text\": \"b\"}");
      assertEquals(400, dup.statusCode(), dup.body());
      assertTrue(
          JSON.readTree(dup.body()).get("error").asText().contains("Duplicate field 'text'"));
      HttpResponse<String> lone = post(base, "{\"text\": \"a \\ud800 b\"}");
      assertEquals(400, lone.statusCode(), lone.body());
      assertEquals(
          "invalid JSON: lone surrogate \\ud800 in a string",
          JSON.readTree(lone.body()).get("error").asText());
      HttpResponse<String> pair = post(base, "{\"text\": \"a \\ud83d\\ude00 b\"}");
      assertEquals(200, pair.statusCode(), "a surrogate pair (an emoji) is fine: " + pair.body());
    }
  }

  @Test
  void eachTranslationSaysWhyItEnded() throws Exception {
    try (TranslationServer s = server(100)) {
      String base = "http://127.0.0.1:" + s.port();
      JsonNode cut =
          JSON.readTree(post(base, "{\"text\": \"a b c d e\", \"maxLength\": 1}").body());
      JsonNode t = cut.at("/translations/0");
      String expected = t.get("text").asText().isEmpty() ? "eos" : "length";
      assertEquals(expected, t.get("finish_reason").asText(), cut.toString());
      JsonNode empty = JSON.readTree(post(base, "{\"texts\": [\"  \", \"a b\"]}").body());
      assertEquals("eos", empty.at("/translations/0/finish_reason").asText());
      assertTrue(
          List.of("eos", "length").contains(empty.at("/translations/1/finish_reason").asText()));
    }
  }

  static HttpResponse<String> post(String base, String body) throws Exception {
    return CLIENT.send(
        TranslationServerTest.translateRequest(base, body), HttpResponse.BodyHandlers.ofString());
  }

  static String get(TranslationServer s, String path) throws Exception {
    return CLIENT
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
