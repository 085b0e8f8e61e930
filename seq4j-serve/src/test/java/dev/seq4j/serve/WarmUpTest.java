package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.seq4j.engine.Engines;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server reports ready only for a model whose warm-up translation is not empty. */
class WarmUpTest {
  @TempDir Path dir;

  private static ServeOptions options() {
    return new ServeOptions("127.0.0.1", 0, 64, 20, 256, 4096, 6, 200, 8, 100, 60_000, 4);
  }

  @Test
  void aModelThatTranslatesEverythingAsEmptyIsNeverReady() throws Exception {
    Path run =
        TinyRuns.train(
            dir, "tiny-nan", "{type: rnn, cell: gru, embedding: 8, hidden: 16}", "{epochs: 1}");
    Engines.start();
    try (TranslationBundle bundle = TranslationBundle.load(run)) {
      for (NDArray a : bundle.parameters().asMap().values()) {
        a.setRequiresGradient(false);
        a.muli(Float.NaN); // what 40 KB of 0xFF in an unverified file would do
      }
      Translator t = new Translator(bundle, bundle.config().decode());
      assertEquals("", t.translate(List.of("a b c"), false, false).get(0).text());
      TranslationServer server = new TranslationServer(bundle, options());
      int port = server.port();
      IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
      assertTrue(
          e.getMessage().startsWith("warm-up: the model translates '")
              && e.getMessage()
                  .endsWith(
                      "' as an empty text; it would answer every request so"
                          + " (are its weights damaged?)"),
          e.getMessage());
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
      assertThrows(
          ConnectException.class,
          () -> HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString()),
          "the server stopped listening");
    }
  }

  @Test
  void aModelThatTranslatesIsReadyAfterItsWarmUp() throws IOException, InterruptedException {
    Path run =
        TinyRuns.train(
            dir, "tiny-ok", "{type: rnn, cell: gru, embedding: 8, hidden: 16}", "{epochs: 2}");
    Engines.start();
    try (TranslationBundle bundle = TranslationBundle.load(run);
        TranslationServer server = new TranslationServer(bundle, options())) {
      server.start();
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals("{\"status\":\"ready\",\"timeouts\":0,\"failures\":0}", r.body());
    }
  }
}
