package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.engine.Engines;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page in a real browser: Debian's headless Chromium driven through chromedriver's W3C
 * WebDriver protocol (plain HTTP, no client library) types two lines, one of them markup, clicks
 * Translate, and checks that the translations and the heatmap appear and that the markup is shown
 * as text, never run; on a Transformer, picks each attention, layer and head. The screenshots go to
 * {@code target/browser/}. Skipped where {@code chromium} and {@code chromedriver} are not
 * installed ({@code .ci/run} installs them).
 */
class WebPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  /** What a test does on the page, in WebDriver session {@code session}. */
  private interface OnPage {
    void run(String session) throws Exception;
  }

  /**
   * Serves {@code run}, opens the page in headless Chromium and hands the session to {@code page};
   * skipped without Chromium and its driver.
   */
  private void onPage(Path run, OnPage page) throws Exception {
    Engines.start();
    int driverPort;
    try (ServerSocket s = new ServerSocket(0)) {
      driverPort = s.getLocalPort();
    }
    Process driver =
        new ProcessBuilder(DRIVER.toString(), "--port=" + driverPort)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromedriver.log").toFile())
            .start();
    String wd = "http://127.0.0.1:" + driverPort;
    try (TranslationBundle bundle = TranslationBundle.load(run);
        TranslationServer server =
            new TranslationServer(bundle, ServeOptions.defaults().withPort(0))) {
      server.start();
      waitFor(() -> call("GET", wd + "/status", null).at("/value/ready").asBoolean(), 20_000);
      JsonNode session =
          call(
              "POST",
              wd + "/session",
              Map.of(
                  "capabilities",
                  Map.of(
                      "alwaysMatch",
                      Map.of(
                          "browserName",
                          "chrome",
                          "goog:chromeOptions",
                          Map.of(
                              "binary",
                              CHROMIUM.toString(),
                              "args",
                              List.of(
                                  "--headless=new",
                                  "--no-sandbox",
                                  "--disable-gpu",
                                  "--disable-dev-shm-usage",
                                  "--disable-background-networking",
                                  "--disable-component-update",
                                  "--disable-sync",
                                  "--no-first-run",
                                  "--window-size=1200,900",
                                  "--user-data-dir=" + dir.resolve("profile")))))));
      String s = wd + "/session/" + session.at("/value/sessionId").asText();
      try {
        call("POST", s + "/url", Map.of("url", "http://127.0.0.1:" + server.port() + "/"));
        page.run(s);
      } finally {
        call("DELETE", s, null);
      }
    } finally {
      driver.destroy();
    }
  }

  private static void assumeBrowser() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
  }

  /** Types {@code text} into the page and clicks Translate. */
  private static void type(String s, String text) throws Exception {
    call("POST", s + "/element/" + find(s, "#source") + "/value", Map.of("text", text));
    call("POST", s + "/element/" + find(s, "#translate") + "/click", Map.of());
  }

  /** Saves a screenshot as {@code target/browser/NAME} and checks that it is an image. */
  private static void screenshot(String s, String name) throws Exception {
    byte[] png =
        Base64.getDecoder().decode(call("GET", s + "/screenshot", null).get("value").asText());
    Path shot = Path.of("target", "browser", name);
    Files.createDirectories(shot.getParent());
    Files.write(shot, png);
    assertTrue(png.length > 1000);
  }

  @Test
  void typeTranslateAndSeeTheHeatmap() throws Exception {
    assumeBrowser();
    Path run =
        TinyRuns.train(
            dir,
            "browser",
            "{type: rnn, cell: gru, embedding: 8, hidden: 16, attention: general}",
            "{epochs: 1, batchSize: 32}");
    onPage(
        run,
        s -> {
          String payload = "<img/src=x/onerror=window.__xss=1>";
          type(s, "a b c d\n" + payload + " a");
          waitFor(() -> count(s, ".translation") == 2, 20_000);
          waitFor(() -> count(s, "table.heatmap") == 2, 5_000);
          assertTrue(script(s, "return window.__xss === undefined").asBoolean(), "markup was run");
          assertEquals(
              payload,
              script(
                      s,
                      "return document.querySelectorAll('table.heatmap')[1]"
                          + ".querySelector('th.col').textContent")
                  .asText(),
              "the markup is shown as text in the heatmap's labels");
          JsonNode cells = script(s, "return document.querySelectorAll('table.heatmap td').length");
          assertTrue(cells.asInt() > 0);
          assertEquals(0, count(s, "select.kind"), "one attention: no choice of kind");
          screenshot(s, "web-page.png");
        });
  }

  /**
   * A Transformer's page: a choice of encoder–decoder, encoder self- and decoder self-attention, a
   * layer and a head; the joiner mark of a glued period ({@code ￭.}) is drawn as {@code ·.}, as in
   * the PNG heatmaps, not as a missing-glyph box.
   */
  @Test
  void aTransformerShowsEachKindLayerAndHeadAndTheJoinerAsADot() throws Exception {
    assumeBrowser();
    Path run =
        TinyRuns.train(
            dir,
            "browser-transformer",
            "{type: transformer, dModel: 16, heads: 2, ffn: 32, encoderLayers: 2,"
                + " decoderLayers: 1}",
            "{epochs: 4, batchSize: 32, learningRate: 0.005}",
            "word");
    onPage(
        run,
        s -> {
          type(s, "a b c.");
          waitFor(() -> count(s, "table.heatmap") == 1, 20_000);
          String columns =
              "return [...document.querySelectorAll('table.heatmap th.col')]"
                  + ".map(th => th.textContent)";
          assertEquals(
              List.of("a", "b", "c", "\u00B7."), strings(script(s, columns)), "source labels");
          assertFalse(
              script(s, "return document.getElementById('results').textContent.includes('\uFFED')")
                  .asBoolean(),
              "no joiner mark is drawn");
          int n = rows(s);
          assertTrue(n > 0, "the encoder–decoder heatmap has one row per output token");
          choose(s, "kind", "encoder_self");
          assertEquals(List.of("0", "1"), strings(script(s, options("layer"))), "two layers");
          assertEquals(
              "1", script(s, "return document.querySelector('select.layer').value").asText());
          assertEquals(List.of("mean", "0", "1"), strings(script(s, options("head"))));
          assertEquals(4, rows(s), "source × source");
          assertEquals(4, count(s, "table.heatmap tr:nth-child(2) td"));
          choose(s, "kind", "decoder_self");
          choose(s, "head", "1");
          assertEquals(n + 1, rows(s), "<bos> and the output");
          assertEquals(
              "rgb(255, 255, 255)",
              script(
                      s,
                      "return document.querySelector('table.heatmap tr:nth-child(2) td:nth-of-type(2)')"
                          + ".style.background")
                  .asText(),
              "nothing above the diagonal: <bos> sees only itself");
          assertEquals(
              "rgb(0, 0, 255)",
              script(
                      s,
                      "return document.querySelector('table.heatmap tr:nth-child(2) td')"
                          + ".style.background")
                  .asText(),
              "<bos> attends to itself with weight 1");
          screenshot(s, "web-page-transformer.png");
        });
  }

  /** The number of weight rows in the heatmap. */
  private static int rows(String s) throws Exception {
    return script(s, "return document.querySelectorAll('table.heatmap tr').length").asInt() - 1;
  }

  private static String options(String select) {
    return "return [...document.querySelector('select." + select + "').options].map(o => o.value)";
  }

  /** Picks {@code value} in {@code select.CLS} as a user would (a change event follows). */
  private static void choose(String s, String cls, String value) throws Exception {
    script(
        s,
        "const e = document.querySelector('select."
            + cls
            + "'); e.value = '"
            + value
            + "'; e.dispatchEvent(new Event('change')); return e.value");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check, long millis) throws Exception {
    long until = System.currentTimeMillis() + millis;
    Exception last = null;
    while (System.currentTimeMillis() < until) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out after " + millis + " ms", last);
  }

  private static String find(String session, String css) throws Exception {
    JsonNode r = call("POST", session + "/element", Map.of("using", "css selector", "value", css));
    return r.at("/value/" + ELEMENT).asText();
  }

  private static int count(String session, String css) throws Exception {
    return call("POST", session + "/elements", Map.of("using", "css selector", "value", css))
        .get("value")
        .size();
  }

  private static JsonNode script(String session, String js) throws Exception {
    return call("POST", session + "/execute/sync", Map.of("script", js, "args", List.of()))
        .get("value");
  }

  private static JsonNode call(String method, String url, Object body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    b =
        body == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(method + " " + url + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
