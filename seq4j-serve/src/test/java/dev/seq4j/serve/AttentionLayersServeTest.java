package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code "attention": "layers"} on a Transformer with two encoder layers, one decoder layer and two
 * heads: every layer and head of its three attentions, beside the weights {@code true} gives.
 */
class AttentionLayersServeTest {
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
            "tiny-transformer",
            "{type: transformer, dModel: 16, heads: 2, ffn: 32, encoderLayers: 2,"
                + " decoderLayers: 1}",
            "{epochs: 4, batchSize: 32, learningRate: 0.005}");
    bundle = TranslationBundle.load(run);
    server = new TranslationServer(bundle, ServeOptions.defaults().withPort(0));
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

  private static JsonNode attention(String value) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            TranslationServerTest.translateRequest(
                base, "{\"text\": \"a b c d\", \"attention\": " + value + "}"),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).at("/translations/0/attention");
  }

  /** Each row of {@code rows} sums to 1 (to the 4 decimals sent). */
  private static void assertRows(JsonNode rows, int count, int width) {
    assertEquals(count, rows.size());
    for (JsonNode row : rows) {
      assertEquals(width, row.size());
      double sum = 0;
      for (JsonNode w : row) {
        sum += w.asDouble();
      }
      assertEquals(1, sum, 1e-3);
    }
  }

  @Test
  void layersHaveEveryLayerAndHeadOfEachAttention() throws Exception {
    JsonNode a = attention("\"layers\"");
    int s = a.get("source").size();
    int n = a.get("target").size();
    assertEquals(4, s);
    assertTrue(n > 0, a.toString());
    JsonNode layers = a.get("layers");
    assertEquals(n + 1, layers.get("decoder_input").size());
    assertEquals(
        bundle.trgVocabulary().token(bundle.trgVocabulary().bosId()),
        layers.at("/decoder_input/0").asText());
    assertEquals(2, layers.get("encoder_self").size());
    assertEquals(1, layers.get("decoder_self").size());
    assertEquals(1, layers.get("cross").size());
    for (JsonNode layer : layers.get("encoder_self")) {
      assertEquals(2, layer.size());
      layer.forEach(head -> assertRows(head, s, s));
    }
    for (JsonNode head : layers.at("/decoder_self/0")) {
      assertRows(head, n + 1, n + 1);
      for (int i = 0; i <= n; i++) {
        for (int j = i + 1; j <= n; j++) {
          assertEquals(0.0, head.get(i).get(j).asDouble(), 0.0, "causal at " + i + "," + j);
        }
      }
    }
    JsonNode cross = layers.at("/cross/0");
    assertEquals(2, cross.size());
    cross.forEach(head -> assertRows(head, n, s));
    for (int t = 0; t < n; t++) {
      for (int i = 0; i < s; i++) {
        double mean =
            (cross.at("/0").get(t).get(i).asDouble() + cross.at("/1").get(t).get(i).asDouble()) / 2;
        assertEquals(a.get("weights").get(t).get(i).asDouble(), mean, 2e-4, "the default view");
      }
    }
    JsonNode plain = attention("true");
    assertFalse(plain.has("layers"), "only asked for with \"layers\"");
    assertEquals(a.get("weights"), plain.get("weights"));
  }
}
