package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * as text, never run. The screenshot goes to {@code target/browser/web-page.png}. Skipped where
 * {@code chromium} and {@code chromedriver} are not installed ({@code .ci/run} installs them).
 */
class WebPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void typeTranslateAndSeeTheHeatmap() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    Path run =
        TinyRuns.train(
            dir,
            "browser",
            "{type: rnn, cell: gru, embedding: 8, hidden: 16, attention: general}",
            "{epochs: 1, batchSize: 32}");
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
        String payload = "<img/src=x/onerror=window.__xss=1>";
        String source = find(s, "#source");
        call(
            "POST",
            s + "/element/" + source + "/value",
            Map.of("text", "a b c d\n" + payload + " a"));
        call("POST", s + "/element/" + find(s, "#translate") + "/click", Map.of());
        waitFor(() -> count(s, ".translation") == 2, 20_000);
        waitFor(() -> count(s, "table.heatmap") == 2, 5_000);
        assertTrue(script(s, "return window.__xss === undefined").asBoolean(), "markup was run");
        assertEquals(
            payload,
            script(
                    s,
                    "return document.querySelectorAll('table.heatmap')[1].querySelector('th.col').textContent")
                .asText(),
            "the markup is shown as text in the heatmap's labels");
        JsonNode cells = script(s, "return document.querySelectorAll('table.heatmap td').length");
        assertTrue(cells.asInt() > 0);
        byte[] png =
            Base64.getDecoder().decode(call("GET", s + "/screenshot", null).get("value").asText());
        Path shot = Path.of("target", "browser", "web-page.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);
        assertTrue(png.length > 1000);
      } finally {
        call("DELETE", s, null);
      }
    } finally {
      driver.destroy();
    }
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
